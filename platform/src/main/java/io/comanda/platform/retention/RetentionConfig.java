package io.comanda.platform.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * How long the outbox and the inbox keep their rows, and how the purge deletes the older rows of every
 * {@link RetainedTable} (theirs and the service's own).
 *
 * <p>The two retentions are a pair: the relay snapshots the outbox table when its replication slot is new
 * or lost ({@code snapshot.mode=when_needed}), so a snapshot may publish again every row the outbox
 * still holds; consumers drop those duplicates by their inbox only while it still holds their
 * {@code ce_id}s. Hence the inbox keeps its rows longer than the outbox, and longer than any redelivery:
 * the 30-minute retry budget and a dead letter replayed days later.
 */
@ConfigMapping(prefix = "comanda.retention")
public interface RetentionConfig {

    /**
     * How long a relayed outbox row is kept ({@code comanda.retention.outbox}). It is the window in
     * which a row written before the relay's slot existed, or while a lost slot is replaced, is still
     * published by the connector's snapshot.
     */
    @WithDefault("7d")
    Duration outbox();

    /**
     * How long a consumer remembers a processed {@code ce_id} ({@code comanda.retention.inbox}): longer
     * than the outbox's retention (a re-snapshot's duplicates), the retry budget (30 minutes) and the
     * time an operator takes to replay a dead letter.
     */
    @WithDefault("30d")
    Duration inbox();

    /**
     * The outbox relay's replication slot ({@code comanda.retention.outbox-relay-slot}, the connector's
     * {@code slot.name}, e.g. {@code comanda_orders_outbox}): an outbox row is deleted only once this slot
     * has confirmed a position past it ({@link OutboxPurgeMarks}). Without it no outbox row is deleted.
     */
    Optional<String> outboxRelaySlot();

    /**
     * How long at most between an outbox row's {@code occurred_at} and its commit
     * ({@code comanda.retention.outbox-commit-margin}): a row counts as published once written that long
     * before a position the relay confirmed. Far above any transaction of a service.
     */
    @WithDefault("10m")
    Duration outboxCommitMargin();

    /** How often the purge runs (a Quarkus scheduler interval), for every retained table. */
    @WithDefault("15m")
    String every();

    /** How long after start the first purge runs. */
    @WithDefault("1m")
    String delay();

    /** Rows deleted per statement: each batch is its own short transaction, so no purge holds long locks. */
    @WithDefault("5000")
    int batchSize();
}
