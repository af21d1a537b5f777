package io.comanda.platform.deadletters;

import io.comanda.platform.retention.RetainedTable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The dead-letter index as a retained table: a replayed, discarded or settled row is purged
 * {@code comanda.dead-letters.keep-resolved} (30 days) after it was resolved. A waiting or replaying row
 * has no {@code resolved_at}, which no time is before: it is never purged.
 */
@Singleton
public class DeadLetterRetention {

    @Produces
    @Singleton
    RetainedTable deadLetters(DeadLetterConfig config) {
        return new RetainedTable("dead_letter", "resolved_at", config.keepResolved());
    }
}
