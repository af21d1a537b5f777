package io.comanda.platform.retention;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The purge's one bounded delete, for a table kept a while and for one whose rows carry their own expiry. */
class RetainedTableTest {

    @Test
    void deletesABatchOfTheOldestRowsPastTheRetentionOnTheTimeColumn() {
        assertThat(new RetainedTable("outbox", "occurred_at", Duration.ofDays(7)).deleteOldestBatch())
                .isEqualTo("delete from outbox where ctid = any(array(select ctid from outbox where occurred_at"
                        + " < now() - make_interval(secs => $1) order by occurred_at limit $2))");
    }

    @Test
    void anExpiringTableKeepsARowUntilItsOwnExpiryHasPassed() {
        RetainedTable expiring = RetainedTable.expiring("idempotency_record", "expires_at");

        assertThat(expiring.retention()).isZero();
        assertThat(expiring.deleteOldestBatch()).contains("where expires_at < now() - make_interval(secs => $1)");
    }

    @Test
    void aConditionNarrowsTheRowsPastTheRetentionThatAreDeleted() {
        RetainedTable settled = new RetainedTable("charge_attempt", "key_first_used_at", Duration.ofDays(30))
                .onlyWhere("unresolved is null");

        assertThat(settled.deleteOldestBatch()).isEqualTo("delete from charge_attempt where ctid = any(array(select ctid"
                + " from charge_attempt where key_first_used_at < now() - make_interval(secs => $1)"
                + " and (unresolved is null) order by key_first_used_at limit $2))");
    }
}
