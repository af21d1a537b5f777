package io.comanda.platform;

import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.platform.retention.RetentionPurge;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The purge deletes outbox rows older than {@code comanda.retention.outbox} (7 days) once the relay has
 * confirmed them (see {@link RetentionPurgeWithTheRelayStoppedIT}), inbox rows older
 * than {@code comanda.retention.inbox} (30 days) and the expired rows of a table the application declares
 * ({@link ProbeHolds}), in batches ({@code comanda.retention.batch-size} is 2 here), and keeps every
 * younger row.
 */
@QuarkusTest
class RetentionPurgeIT {

    // The lock another instance's purge holds (ExclusiveRuns: Comanda's job locks, the job's name).
    private static final String JOB_LOCK = "select pg_advisory_%s(1131242593, hashtext('retention-purge'))";

    @Inject
    RetentionPurge purge;

    @Test
    void deletesOutboxRowsPastTheirRetentionInBatchesAndKeepsYoungerOnes() {
        List<UUID> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            old.add(outboxRow(Duration.ofDays(8)));
        }
        UUID young = outboxRow(Duration.ofDays(6));

        // A row goes once the relay has confirmed a purge's mark after it: each round marks, then writes a
        // row the relay publishes, so that it confirms a position past that mark.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            purge.purge().await().atMost(Duration.ofSeconds(30));
            outboxRow(Duration.ZERO);
            for (UUID id : old) {
                assertThat(TestDatabase.count("select count(*) from outbox where id = ?", id)).as("8 days old").isZero();
            }
        });
        assertThat(TestDatabase.count("select count(*) from outbox where id = ?", young)).as("6 days old").isOne();
    }

    @Test
    void deletesInboxRowsPastTheirRetentionAndKeepsYoungerOnes() {
        List<UUID> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            old.add(inboxRow(Duration.ofDays(31)));
        }
        UUID young = inboxRow(Duration.ofDays(29));

        purge.purge().await().atMost(Duration.ofSeconds(30));

        for (UUID id : old) {
            assertThat(TestDatabase.count("select count(*) from inbox where event_id = ?", id)).as("31 days old").isZero();
        }
        assertThat(TestDatabase.count("select count(*) from inbox where event_id = ?", young)).as("29 days old").isOne();
    }

    @Test
    void deletesTheExpiredRowsOfATableTheApplicationDeclaresAndKeepsLiveOnes() {
        List<UUID> expired = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expired.add(hold(Duration.ofMinutes(-1)));
        }
        UUID live = hold(Duration.ofHours(1));

        purge.purge().await().atMost(Duration.ofSeconds(30));

        for (UUID id : expired) {
            assertThat(TestDatabase.count("select count(*) from probe_hold where id = ?", id)).as("expired").isZero();
        }
        assertThat(TestDatabase.count("select count(*) from probe_hold where id = ?", live)).as("live").isOne();
    }

    @Test
    void whileAnotherInstancePurgesThisOneDeletesNothing() throws Exception {
        UUID old = inboxRow(Duration.ofDays(31));
        try (Connection otherInstance = TestDatabase.connect(); Statement lock = otherInstance.createStatement()) {
            lock.execute(JOB_LOCK.formatted("lock"));

            assertThat(purge.purgeUnlessRunningElsewhere().await().atMost(Duration.ofSeconds(30))).as("this run").isEmpty();
            assertThat(TestDatabase.count("select count(*) from inbox where event_id = ?", old)).as("31 days old").isOne();

            lock.execute(JOB_LOCK.formatted("unlock"));
        }
        assertThat(purge.purgeUnlessRunningElsewhere().await().atMost(Duration.ofSeconds(30))).as("the next run")
                .hasValueSatisfying(deleted -> assertThat(deleted).isPositive());
        assertThat(TestDatabase.count("select count(*) from inbox where event_id = ?", old)).as("31 days old").isZero();
    }

    /** An outbox row of an aggregate no test consumes: the relay publishes it to its own topic. */
    private static UUID outboxRow(Duration age) {
        UUID id = UUID.randomUUID();
        TestDatabase.update("""
                insert into outbox (id, aggregatetype, aggregateid, type, payload, source, occurred_at)
                values (?, 'retention-it', ?, 'io.comanda.retention.probe.v1', cast('{}' as jsonb), '/comanda/platform-probe', ?)
                """, id, id.toString(), Timestamp.from(Instant.now().minus(age)));
        return id;
    }

    private static UUID inboxRow(Duration age) {
        UUID id = UUID.randomUUID();
        TestDatabase.update("insert into inbox (consumer, event_id, processed_at) values ('retention-it', ?, ?)",
                id, Timestamp.from(Instant.now().minus(age)));
        return id;
    }

    private static UUID hold(Duration expiresIn) {
        UUID id = UUID.randomUUID();
        TestDatabase.update("insert into probe_hold (id, expires_at) values (?, ?)", id,
                Timestamp.from(Instant.now().plus(expiresIn)));
        return id;
    }
}
