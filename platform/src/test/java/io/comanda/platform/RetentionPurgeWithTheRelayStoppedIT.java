package io.comanda.platform;

import io.comanda.devstack.clients.MetricSamples;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.platform.retention.RetentionPurge;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox purge deletes no row its relay has not published. The relay here is the test itself,
 * streaming from a replication slot of its own ({@code comanda.retention.outbox-relay-slot}) and
 * confirming only what it chooses; outbox rows are past their retention within a second, and a row
 * counts as published as soon as a confirmed mark follows it (no commit margin):
 * <ul>
 *   <li>a relay that streams but has stopped confirming keeps every row written since, however many purges run;</li>
 *   <li>once it confirms them, the next purge deletes them: the purge is not simply idle;</li>
 *   <li>a slot no relay streams from keeps the whole outbox, and the purge says so.</li>
 * </ul>
 */
@QuarkusTest
@TestProfile(RetentionPurgeWithTheRelayStoppedIT.OwnRelay.class)
class RetentionPurgeWithTheRelayStoppedIT {

    private static final String SLOT = "retention_it_relay";

    @Inject
    RetentionPurge purge;

    private Connection relayConnection;
    private PGReplicationStream relay;

    @BeforeEach
    void createTheSlot() {
        TestDatabase.one("select pg_create_logical_replication_slot(?, 'pgoutput')", SLOT);
    }

    @AfterEach
    void dropTheSlot() throws Exception {
        if (relay != null) {
            relay.close();
            relayConnection.close();
        }
        // An unread slot holds WAL for as long as it exists; it is free a moment after its stream closed.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> TestDatabase.one(
                "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = ?", SLOT)
                .isPresent() || TestDatabase.count("select count(*) from pg_replication_slots where slot_name = ?", SLOT) == 0);
    }

    @Test
    void aPurgeWithTheRelayStoppedDeletesNoUnpublishedOutboxRow() throws Exception {
        startTheRelay();
        List<UUID> unpublished = outboxRows();

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> {
            purge.purge().await().atMost(Duration.ofSeconds(30));
            return kept(unpublished) == unpublished.size();
        });
        assertThat(held()).as("the slot streams and has a confirmed position: nothing to warn of").isZero();
    }

    @Test
    void onceTheRelayConfirmsTheRowsThePurgeDeletesThem() throws Exception {
        startTheRelay();
        List<UUID> rows = outboxRows();
        purge.purge().await().atMost(Duration.ofSeconds(30));

        confirmUpToNow();

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            purge.purge().await().atMost(Duration.ofSeconds(30));
            return kept(rows) == 0;
        });
    }

    @Test
    void aSlotNoRelayStreamsFromKeepsTheWholeOutboxAndThePurgeSaysSo() {
        List<UUID> unpublished = outboxRows();

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
            purge.purge().await().atMost(Duration.ofSeconds(30));
            return kept(unpublished) == unpublished.size();
        });
        assertThat(held()).isEqualTo(1.0);
    }

    /** Streams from the slot, as a relay would, without confirming anything yet. */
    private void startTheRelay() throws Exception {
        Config config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        PGProperty.USER.set(properties, config.getValue("quarkus.datasource.username", String.class));
        PGProperty.PASSWORD.set(properties, config.getValue("quarkus.datasource.password", String.class));
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
        PGProperty.REPLICATION.set(properties, "database");
        PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        relayConnection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                properties);
        relay = relayConnection.unwrap(PGConnection.class).getReplicationAPI().replicationStream().logical()
                .withSlotName(SLOT).withSlotOption("proto_version", 1).withSlotOption("publication_names", "comanda_outbox")
                .withStatusInterval(1, TimeUnit.SECONDS).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> TestDatabase.count(
                "select count(*) from pg_replication_slots where slot_name = ? and active", SLOT) == 1);
    }

    private void confirmUpToNow() throws Exception {
        LogSequenceNumber now = LogSequenceNumber.valueOf(TestDatabase.one("select pg_current_wal_lsn()::text as lsn")
                .orElseThrow().get("lsn"));
        relay.setAppliedLSN(now);
        relay.setFlushedLSN(now);
        relay.forceUpdateStatus();
        await().atMost(Duration.ofSeconds(10)).until(() -> TestDatabase.count("select count(*) from pg_replication_slots"
                + " where slot_name = ? and confirmed_flush_lsn >= ?::pg_lsn", SLOT, now.asString()) == 1);
    }

    private static List<UUID> outboxRows() {
        List<UUID> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            TestDatabase.update("""
                    insert into outbox (id, aggregatetype, aggregateid, type, payload, source, occurred_at)
                    values (?, 'retention-it', ?, 'io.comanda.retention.probe.v1', cast('{}' as jsonb), '/comanda/platform-probe', ?)
                    """, id, id.toString(), Timestamp.from(Instant.now()));
            rows.add(id);
        }
        return rows;
    }

    private static long kept(List<UUID> rows) {
        return rows.stream().filter(id -> TestDatabase.count("select count(*) from outbox where id = ?", id) == 1).count();
    }

    private static double held() {
        return MetricSamples.sum(RestAssured.get("/q/metrics").asString(), "comanda_retention_outbox_held");
    }

    /** The purge follows the test's own slot; outbox rows are past their retention after a second. */
    public static class OwnRelay implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("comanda.retention.outbox-relay-slot", SLOT,
                    "comanda.retention.outbox", "1s",
                    "comanda.retention.outbox-commit-margin", "0s");
        }
    }
}
