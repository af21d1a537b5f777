package io.comanda.devstack.parts;

import java.util.Map;

/**
 * How many copies of each partition the stack's topics keep, and how many must have a write before it
 * counts ({@code acks=all}): what the brokers give a topic created without its own settings, and what
 * the relay and the services state for the topics they create ({@code comanda.kafka.topics.*}).
 *
 * @param replicationFactor copies of each partition
 * @param minInsyncReplicas copies a write waits for
 */
public record TopicDurability(short replicationFactor, int minInsyncReplicas) {

    /** One broker: its copy is the only one. */
    public static final TopicDurability ONE_BROKER =
            new TopicDurability(KafkaTopics.REPLICATION_FACTOR, KafkaTopics.MIN_INSYNC_REPLICAS);
    /** Three brokers: a write survives the loss of any one broker, and one broker down stops no writer. */
    public static final TopicDurability THREE_BROKERS = new TopicDurability((short) 3, 2);

    public TopicDurability {
        if (replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("replication factor " + replicationFactor
                    + " with min.insync.replicas " + minInsyncReplicas);
        }
    }

    /**
     * The same settings for a process of Comanda's: a service reads them as {@code comanda.kafka.topics.*},
     * a Connect worker's connector files as {@code ${env:...}} placeholders.
     */
    public Map<String, String> environment() {
        return Map.of(
                "COMANDA_KAFKA_TOPICS_REPLICATION_FACTOR", Short.toString(replicationFactor),
                "COMANDA_KAFKA_TOPICS_MIN_INSYNC_REPLICAS", Integer.toString(minInsyncReplicas));
    }
}
