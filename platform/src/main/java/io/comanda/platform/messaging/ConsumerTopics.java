package io.comanda.platform.messaging;

import io.comanda.events.Topic;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Before the consumers start: checks every consumer channel's configuration ({@link ConsumerChannels}),
 * then creates its source topic if it is missing and its retry and dead-letter topics with the
 * partition count of the source topic, so a failed record is retried or parked on the same partition
 * number.
 */
public class ConsumerTopics {

    private static final Logger LOG = Logger.getLogger(ConsumerTopics.class);

    void createBeforeConsumersStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start,
                                    Config config) {
        List<ConsumerChannel> channels = ConsumerChannels.of(config);
        if (channels.isEmpty()) {
            return;
        }
        String bootstrap = config.getValue("kafka.bootstrap.servers", String.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (ConsumerChannel channel : channels) {
                // The source may not exist yet on a fresh broker: create it as the catalogue defines it,
                // with its settings (comanda.orders keeps its records for rebuilds).
                createMissing(admin, List.of(new NewTopic(channel.topic(), Topic.DEFAULT_PARTITIONS, (short) -1)
                        .configs(Topic.topicConfigOf(channel.topic()))));
                TopicDescription source = admin.describeTopics(List.of(channel.topic())).allTopicNames()
                        .get(60, TimeUnit.SECONDS).get(channel.topic());
                int partitions = source.partitions().size();
                createMissing(admin, channel.failureTopics().stream()
                        .map(name -> new NewTopic(name, partitions, (short) -1)).toList());
                createReplayTopics(admin, channel, partitions);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the retry and dead-letter topics: " + e.getCause().getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the retry and dead-letter topics: " + e.getMessage(), e);
        }
    }

    /**
     * The replay topic has the source's partitions, so a replayed record keeps its partition number; the
     * operators' resolutions are a compacted topic of one partition, read whole on each listing.
     */
    private static void createReplayTopics(Admin admin, ConsumerChannel channel, int partitions) throws Exception {
        createMissing(admin, List.of(
                new NewTopic(channel.replayTopic(), partitions, (short) -1),
                new NewTopic(channel.resolutionsTopic(), 1, (short) -1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
    }

    private static void createMissing(Admin admin, List<NewTopic> topics) throws Exception {
        Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
        List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            LOG.infof("Created consumer topics %s", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
