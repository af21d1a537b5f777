package io.comanda.platform.messaging;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Keeps the topics of the consumer channels as {@link ConsumerTopicSettings} wants them: creates the source
 * topic if it is missing, then its retry, dead-letter and replay topics (and resolutions); grows a failure or
 * replay topic that has fewer partitions than its source (partitions were added to the source), so a
 * failed record is retried or parked on the same partition number; and sets back any setting that differs
 * (a topic created before, by hand or by an older version). Each step changes only what differs, so a
 * check may run again at any time, and after a failure.
 */
final class ConsumerTopics {

    private static final Logger LOG = Logger.getLogger(ConsumerTopics.class);

    private final Admin admin;
    private final ConsumerTopicSettings settings;
    private final Set<String> warnedReplication = new HashSet<>();

    ConsumerTopics(Admin admin, ConsumerTopicSettings settings) {
        this.admin = admin;
        this.settings = settings;
    }

    /**
     * @throws ExecutionException   when the broker refused or did not answer (within the admin's timeout)
     * @throws InterruptedException when the thread was interrupted
     */
    void ensure(List<ConsumerChannel> channels) throws ExecutionException, InterruptedException {
        List<WantedTopic> sources = channels.stream().map(ConsumerChannel::topic).distinct()
                .map(settings::source).toList();
        // The source may not exist yet on a fresh broker: create it as the catalogue defines it.
        createMissing(sources);
        Map<String, TopicDescription> described = describe(names(sources));
        List<WantedTopic> derived = new ArrayList<>();
        for (ConsumerChannel channel : channels) {
            int partitions = described.get(channel.topic()).partitions().size();
            derived.addAll(settings.failureAndReplayTopics(channel, partitions));
            derived.add(settings.resolutions(channel));
        }
        createMissing(derived);
        described.putAll(describe(names(derived)));
        grow(derived, described);
        warnOfOtherReplication(described.values());
        List<WantedTopic> all = new ArrayList<>(sources);
        all.addAll(derived);
        alignConfigs(all);
    }

    private void createMissing(List<WantedTopic> topics) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name()))
                .map(t -> new NewTopic(t.name(), t.partitions(), settings.replicationFactor()).configs(t.configs()))
                .toList();
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

    /** Adds partitions to every topic with fewer than it wants; Kafka cannot take partitions away. */
    private void grow(List<WantedTopic> topics, Map<String, TopicDescription> described)
            throws ExecutionException, InterruptedException {
        Map<String, NewPartitions> increases = new HashMap<>();
        for (WantedTopic topic : topics) {
            int actual = described.get(topic.name()).partitions().size();
            if (actual < topic.partitions()) {
                increases.put(topic.name(), NewPartitions.increaseTo(topic.partitions()));
                LOG.warnf("Topic %s has %d partitions, its source %d: adding %d", topic.name(), actual,
                        topic.partitions(), topic.partitions() - actual);
            }
        }
        if (!increases.isEmpty()) {
            admin.createPartitions(increases).all().get();
        }
    }

    /** Sets every wanted setting that differs, one topic's changes at a time, and says what changed. */
    private void alignConfigs(List<WantedTopic> topics) throws ExecutionException, InterruptedException {
        Map<ConfigResource, WantedTopic> resources = topics.stream().collect(Collectors.toMap(
                t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name()), t -> t, (a, b) -> a));
        Map<ConfigResource, Config> actual = admin.describeConfigs(resources.keySet()).all().get();
        Map<ConfigResource, Collection<AlterConfigOp>> alterations = new HashMap<>();
        resources.forEach((resource, topic) -> {
            Map<String, String> current = values(actual.get(resource));
            Map<String, String> changes = ConsumerTopicSettings.changes(topic.configs(), current);
            if (!changes.isEmpty()) {
                Map<String, String> before = new HashMap<>();
                changes.keySet().forEach(name -> before.put(name, current.get(name)));
                LOG.infof("Setting %s on topic %s, which had %s", changes, topic.name(), before);
                alterations.put(resource, changes.entrySet().stream()
                        .map(c -> new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET))
                        .toList());
            }
        });
        if (!alterations.isEmpty()) {
            admin.incrementalAlterConfigs(alterations).all().get();
        }
    }

    /**
     * A topic's replication factor is set when it is created; changing it later takes a partition
     * reassignment, which is an operator's decision. Said once per topic.
     */
    private void warnOfOtherReplication(Collection<TopicDescription> topics) {
        for (TopicDescription topic : topics) {
            int replicas = topic.partitions().get(0).replicas().size();
            if (replicas != settings.replicationFactor() && warnedReplication.add(topic.name())) {
                LOG.warnf("Topic %s has %d replicas, comanda.kafka.topics.replication-factor says %d: reassign its "
                        + "partitions to change it", topic.name(), replicas, settings.replicationFactor());
            }
        }
    }

    private Map<String, TopicDescription> describe(List<String> topics) throws ExecutionException, InterruptedException {
        return new HashMap<>(admin.describeTopics(topics).allTopicNames().get());
    }

    private static List<String> names(List<WantedTopic> topics) {
        return topics.stream().map(WantedTopic::name).distinct().toList();
    }

    private static Map<String, String> values(Config config) {
        Map<String, String> values = new HashMap<>();
        config.entries().forEach(entry -> values.put(entry.name(), entry.value()));
        return values;
    }
}
