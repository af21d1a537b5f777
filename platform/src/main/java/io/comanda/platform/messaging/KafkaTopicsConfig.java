package io.comanda.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * How the platform creates and keeps the topics of the consumer channels ({@link ConsumerTopics}):
 * durability from the environment (1 and 1 on one broker, 3 and 2 on a cluster, set through
 * {@code COMANDA_KAFKA_TOPICS_REPLICATION_FACTOR} and {@code COMANDA_KAFKA_TOPICS_MIN_INSYNC_REPLICAS}),
 * and how long each kind of failure topic keeps its records.
 */
@ConfigMapping(prefix = "comanda.kafka.topics")
public interface KafkaTopicsConfig {

    /** How many copies of each partition the brokers keep; it cannot exceed the number of brokers. */
    @WithDefault("1")
    short replicationFactor();

    /**
     * How many copies must have a record before a producer with {@code acks=all} is told it is written: with
     * a replication factor of 3, 2 survives one broker lost without refusing writes.
     */
    @WithDefault("1")
    int minInsyncReplicas();

    /**
     * How long a dead letter is kept; unset (the default) keeps it until an operator resolves it, since a
     * parked record that expires unseen is an order left PENDING with nothing to replay. A deployment
     * that sets one is warned by the alert {@code DeadLetterNearItsRetention}, at half of it, from the
     * gauges {@code comanda_dead_letters_oldest_waiting_age_seconds} and {@code _retention_seconds}.
     */
    Optional<Duration> deadLetterRetention();

    /**
     * How long a delayed-retry topic keeps its records: a record waits there seconds to minutes (the
     * whole retry budget is about 30 minutes) and is read once. What it must outlast is the consumer being
     * stopped: a retry still unread when its retention ends is lost with no dead letter. Three days cover
     * a weekend; the records are few, the failing ones only.
     */
    @WithDefault("3d")
    Duration retryRetention();

    /**
     * How long a replay topic keeps its records: a replayed record is read back by the consumer at once;
     * a week leaves an operator time to see what a replay sent while a consumer was stopped.
     */
    @WithDefault("7d")
    Duration replayRetention();

    /**
     * How long the start waits for the topics before it goes on without them ({@link ConsumerTopicsAtStart}).
     */
    @WithDefault("5s")
    Duration startWait();

    /**
     * How often the running service checks the topics again: partitions added to a source topic are added
     * to its failure and replay topics, settings changed by hand are set back.
     */
    @WithDefault("1m")
    Duration checkEvery();
}
