package io.comanda.platform;

import io.comanda.devstack.quarkus.SharedParts;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.devstack.quarkus.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay of a quiet outbox still lets its replication slot move on while another database of the same
 * server writes: its heartbeat writes a row of its own database ({@code relay_heartbeat}, in its
 * publication), which it reads and confirms, so the slot does not hold the other database's WAL.
 */
@QuarkusTest
class RelayHeartbeatIT {

    private static final String SLOT = "comanda_orders_outbox";
    private static final String OTHER_DATABASE = "relay_heartbeat_it";

    @Test
    void aQuietOutboxsSlotConfirmsTheWalAnotherDatabaseWrote() throws Exception {
        String written = writeWalInAnotherDatabase();

        // Heartbeats every 10 s; the worker flushes offsets every second.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(TestDatabase.count("select count(*) from pg_replication_slots where slot_name = ?"
                        + " and pg_wal_lsn_diff(confirmed_flush_lsn, cast(? as pg_lsn)) >= 0", SLOT, written))
                        .as("the slot confirmed past " + written).isEqualTo(1));
        assertThat(TestDatabase.count("select count(*) from relay_heartbeat")).as("each beat deletes the one before")
                .isLessThanOrEqualTo(1);
    }

    /** About a megabyte of WAL in a database no relay reads; answers the server's WAL position after it. */
    private static String writeWalInAnotherDatabase() throws Exception {
        SharedParts.Database other = TestStack.database(OTHER_DATABASE);
        try (Connection connection = DriverManager.getConnection(other.jdbcUrl(), other.username(), other.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists busy (id bigint, filler text)");
            statement.execute("insert into busy select n, repeat('x', 100) from generate_series(1, 10000) n");
        }
        return TestDatabase.one("select cast(pg_current_wal_lsn() as text) as lsn").orElseThrow().get("lsn");
    }
}
