package io.comanda.platform.messaging;

import io.comanda.events.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Creates the topics of the consumer channels: the source topic if it is missing, as the catalogue
 * defines it, then its retry and dead-letter topics with the partition count of the source topic, so a
 * failed record is retried or parked on the same partition number, and its replay
 * topics. Creating what exists changes nothing, so it may be run again after a failure.
 */
final class ConsumerTopics {

    private static final Logger LOG = Logger.getLogger(ConsumerTopics.class);

    private ConsumerTopics() {
    }

    /**
     * @throws ExecutionException   when the broker refused or did not answer (within the admin's timeout)
     * @throws InterruptedException when the thread was interrupted
     */
    static void create(Admin admin, List<ConsumerChannel> channels) throws ExecutionException, InterruptedException {
        for (ConsumerChannel channel : channels) {
            // The source may not exist yet on a fresh broker: create it as the catalogue defines it,
            // with its settings (comanda.orders keeps its records for rebuilds).
            createMissing(admin, List.of(new NewTopic(channel.topic(), Topic.DEFAULT_PARTITIONS, (short) -1)
                    .configs(Topic.topicConfigOf(channel.topic()))));
            TopicDescription source = admin.describeTopics(List.of(channel.topic())).allTopicNames().get()
                    .get(channel.topic());
            int partitions = source.partitions().size();
            createMissing(admin, channel.failureTopics().stream()
                    .map(name -> new NewTopic(name, partitions, (short) -1)).toList());
            createReplayTopics(admin, channel, partitions);
        }
    }

    /** The replay topic has the source's partitions, so a replayed record keeps its partition number. */
    private static void createReplayTopics(Admin admin, ConsumerChannel channel, int partitions)
            throws ExecutionException, InterruptedException {
        createMissing(admin, List.of(new NewTopic(channel.replayTopic(), partitions, (short) -1)));
    }

    private static void createMissing(Admin admin, List<NewTopic> topics) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get();
            LOG.infof("Created consumer topics %s", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
