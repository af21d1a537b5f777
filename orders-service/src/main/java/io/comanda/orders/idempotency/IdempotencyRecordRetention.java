package io.comanda.orders.idempotency;

import io.comanda.platform.retention.RetainedTable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Idempotency records are forgotten once they expire ({@code comanda.idempotency.retention} after their
 * first use, 24 h): the platform's retention purge deletes them with the outbox and inbox rows, in
 * batches, every {@code comanda.retention.every}.
 */
@Singleton
public class IdempotencyRecordRetention {

    @Produces
    @Singleton
    RetainedTable expiredRecords() {
        return RetainedTable.expiring("idempotency_record", "expires_at");
    }
}
