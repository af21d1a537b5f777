package io.comanda.platform.messaging;

import io.comanda.events.Topic;
import org.apache.kafka.common.config.TopicConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings of every topic of a consumer channel, from {@link KafkaTopicsConfig}: each is written with
 * {@code acks=all} by producers that wait for {@code min.insync.replicas} copies, and never elects a
 * leader that may lack acknowledged records ({@code unclean.leader.election.enable=false}). Beyond that:
 * <ul>
 *   <li>the source topic as the catalogue defines it ({@link Topic#topicConfigOf});</li>
 *   <li>the dead-letter topic keeps its records until resolved (no deletion by time or size, unless a
 *       retention is configured);</li>
 *   <li>the delayed-retry and replay topics keep theirs briefly: each record is read once, soon.</li>
 * </ul>
 * The failure and replay topics have the source topic's partitions, so a record keeps its partition number.
 */
final class ConsumerTopicSettings {

    private static final String UNLIMITED = "-1";

    private final KafkaTopicsConfig config;

    ConsumerTopicSettings(KafkaTopicsConfig config) {
        if (config.replicationFactor() < 1 || config.minInsyncReplicas() < 1
                || config.minInsyncReplicas() > config.replicationFactor()) {
            throw new IllegalArgumentException("comanda.kafka.topics.min-insync-replicas ("
                    + config.minInsyncReplicas() + ") must be between 1 and comanda.kafka.topics.replication-factor ("
                    + config.replicationFactor() + "): no write with acks=all could succeed otherwise");
        }
        this.config = config;
    }

    short replicationFactor() {
        return config.replicationFactor();
    }

    /** The source topic, when the platform must create it: the catalogue's partitions and settings. */
    WantedTopic source(String topic) {
        return new WantedTopic(topic, Topic.DEFAULT_PARTITIONS, with(durable(), Topic.topicConfigOf(topic)));
    }

    /** The retry, dead-letter and replay topics of {@code channel}, whose source has {@code sourcePartitions}. */
    List<WantedTopic> failureAndReplayTopics(ConsumerChannel channel, int sourcePartitions) {
        List<WantedTopic> topics = new ArrayList<>();
        for (String retryTopic : channel.retryTopics()) {
            topics.add(new WantedTopic(retryTopic, sourcePartitions, deletedAfter(config.retryRetention())));
        }
        topics.add(new WantedTopic(channel.deadLetterTopic(), sourcePartitions, deadLetter()));
        topics.add(new WantedTopic(channel.replayTopic(), sourcePartitions, deletedAfter(config.replayRetention())));
        return topics;
    }

    /** The operators' resolutions: a compacted topic of one partition. */
    WantedTopic resolutions(ConsumerChannel channel) {
        return new WantedTopic(channel.resolutionsTopic(), 1,
                with(durable(), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }

    /** The settings of {@code wanted} that {@code actual} (a topic's current settings) lacks or holds otherwise. */
    static Map<String, String> changes(Map<String, String> wanted, Map<String, String> actual) {
        Map<String, String> changes = new TreeMap<>();
        wanted.forEach((name, value) -> {
            if (!value.equals(actual.get(name))) {
                changes.put(name, value);
            }
        });
        return changes;
    }

    private Map<String, String> deadLetter() {
        String retention = config.deadLetterRetention().map(ConsumerTopicSettings::millis).orElse(UNLIMITED);
        return with(durable(), Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, retention,
                TopicConfig.RETENTION_BYTES_CONFIG, UNLIMITED));
    }

    private Map<String, String> deletedAfter(Duration retention) {
        return with(durable(), Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, millis(retention)));
    }

    private Map<String, String> durable() {
        return Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(config.minInsyncReplicas()),
                TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false");
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(base);
        all.putAll(more);
        return all;
    }

    private static String millis(Duration retention) {
        return Long.toString(retention.toMillis());
    }
}
