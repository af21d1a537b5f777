package io.comanda.platform.retention;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The platform's own retained tables, with the retentions {@link RetentionConfig} gives them. */
@Singleton
public class PlatformTables {

    /** The outbox: a row past its retention is deleted only once its relay has confirmed publishing it. */
    @Produces
    @Singleton
    RetainedTable outbox(RetentionConfig config) {
        return new RetainedTable("outbox", "occurred_at", config.outbox()).onlyWhere(
                OutboxPurgeMarks.publishedCondition(config.outboxRelaySlot(), config.outboxCommitMargin()));
    }

    /** The inbox: the processed {@code ce_id}s of every consumer of the service. */
    @Produces
    @Singleton
    RetainedTable inbox(RetentionConfig config) {
        return new RetainedTable("inbox", "processed_at", config.inbox());
    }
}
