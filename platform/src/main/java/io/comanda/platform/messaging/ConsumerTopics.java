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
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates, before the consumers start, their source topic if it is missing and the retry and
 * dead-letter topics their channels name
 * ({@code delayed-retry-topic.topics}, {@code dead-letter-queue.topic}), with the partition count of
 * the source topic: a failed record is retried or parked on the same partition number.
 */
public class ConsumerTopics {

    private static final Logger LOG = Logger.getLogger(ConsumerTopics.class);
    private static final String INCOMING = "mp.messaging.incoming.";

    void createBeforeConsumersStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start,
                                    Config config) {
        List<Channel> channels = channels(config);
        if (channels.isEmpty()) {
            return;
        }
        String bootstrap = config.getValue("kafka.bootstrap.servers", String.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (Channel channel : channels) {
                // The source may not exist yet on a fresh broker: create it as the catalogue defines it.
                createMissing(admin, List.of(new NewTopic(channel.source(), Topic.DEFAULT_PARTITIONS, (short) -1)));
                TopicDescription source = admin.describeTopics(List.of(channel.source())).allTopicNames()
                        .get(60, TimeUnit.SECONDS).get(channel.source());
                int partitions = source.partitions().size();
                List<NewTopic> topics = channel.failureTopics().stream()
                        .map(name -> new NewTopic(name, partitions, (short) -1)).toList();
                createMissing(admin, topics);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the retry and dead-letter topics: " + e.getCause().getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the retry and dead-letter topics: " + e.getMessage(), e);
        }
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

    private static List<Channel> channels(Config config) {
        Set<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(INCOMING) && property.endsWith(".topic") && !property.contains("dead-letter")) {
                names.add(property.substring(INCOMING.length(), property.length() - ".topic".length()));
            }
        }
        List<Channel> channels = new ArrayList<>();
        for (String name : names) {
            String prefix = INCOMING + name + ".";
            List<String> failureTopics = new ArrayList<>();
            config.getOptionalValue(prefix + "delayed-retry-topic.topics", String.class)
                    .ifPresent(list -> failureTopics.addAll(List.of(list.split("\\s*,\\s*"))));
            config.getOptionalValue(prefix + "dead-letter-queue.topic", String.class).ifPresent(failureTopics::add);
            if (!failureTopics.isEmpty()) {
                channels.add(new Channel(config.getValue(prefix + "topic", String.class), failureTopics));
            }
        }
        return channels;
    }

    private record Channel(String source, List<String> failureTopics) {
    }
}
