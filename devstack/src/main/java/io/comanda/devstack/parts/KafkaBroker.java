package io.comanda.devstack.parts;

import java.util.Map;

/** A running Kafka broker of the stack, in-process ({@link EmbeddedKafka}) or in its own JVM ({@link KafkaProcess}). */
public interface KafkaBroker extends ManagedPart {

    /** What a client's {@code bootstrap.servers} takes: the broker's address. */
    default String bootstrapServers() {
        return address();
    }

    /** Creates the topics that do not exist yet, with the given partition counts (replication 1). */
    default void createTopics(Map<String, Integer> partitionsByTopic) {
        KafkaTopics.createMissing(bootstrapServers(), partitionsByTopic);
    }
}
