package io.comanda.events;

/**
 * The catalogue of Comanda's event topics. Each topic carries the events of one aggregate type,
 * keyed by the aggregate id.
 *
 * <p>The outbox relay routes a row to {@code comanda.<aggregatetype>}, so {@link #aggregateType()} is
 * what the outbox row stores and {@link #topicName()} is where the record lands.
 */
public enum Topic {
    ORDERS("orders"),
    PAYMENTS("payments");

    /** The partition count topics are created with; keys spread orders over them. */
    public static final int DEFAULT_PARTITIONS = 3;

    private static final String PREFIX = "comanda.";

    private final String aggregateType;

    Topic(String aggregateType) {
        this.aggregateType = aggregateType;
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
