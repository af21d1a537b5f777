package io.comanda.events;

import java.util.Map;

/**
 * The catalogue of Comanda's event topics. Each topic carries the events of one aggregate type,
 * keyed by the aggregate id.
 *
 * <p>The outbox relay routes a row to {@code comanda.<aggregatetype>}, so {@link #aggregateType()} is
 * what the outbox row stores and {@link #topicName()} is where the record lands.
 */
public enum Topic {
    /**
     * Kept forever ({@code retention.ms=-1}): search-indexer rebuilds its read model from the whole history of the orders
     * (about 1 kB a record; docs/benchmarks.md gives the disk it takes).
     */
    ORDERS("orders", -1L),
    /**
     * Kept forever too: a payment outcome dead-lettered by orders-service must still have its source copy
     * when an operator replays it, however long after, and the outcomes are the payments' history.
     */
    PAYMENTS("payments", -1L);

    /** The partition count topics are created with; keys spread orders over them. */
    public static final int DEFAULT_PARTITIONS = 3;

    /** Kafka's {@code retention.ms}, the one topic setting the catalogue decides. */
    public static final String RETENTION_MS = "retention.ms";

    private static final String PREFIX = "comanda.";

    private final String aggregateType;
    private final Long retentionMs;

    Topic(String aggregateType, Long retentionMs) {
        this.aggregateType = aggregateType;
        this.retentionMs = retentionMs;
    }

    /**
     * The topic settings whoever creates the topic gives it (the local stack, tests, a consumer that
     * finds it missing, compose): {@value #RETENTION_MS} where the catalogue decides it, else none.
     */
    public Map<String, String> topicConfig() {
        return retentionMs == null ? Map.of() : Map.of(RETENTION_MS, Long.toString(retentionMs));
    }

    /** The settings of the catalogue topic named {@code topicName}; none for a topic outside it. */
    public static Map<String, String> topicConfigOf(String topicName) {
        for (Topic topic : values()) {
            if (topic.topicName().equals(topicName)) {
                return topic.topicConfig();
            }
        }
        return Map.of();
    }

    /** The value of the outbox row's {@code aggregatetype} column for events on this topic. */
    public String aggregateType() {
        return aggregateType;
    }

    /** The Kafka topic name, e.g. {@code comanda.orders}. */
    public String topicName() {
        return PREFIX + aggregateType;
    }
}
