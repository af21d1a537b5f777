package io.comanda.platform;

import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.platform.retention.ReplicationSlotMetrics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The relay's replication slot of the service's database is measured: the WAL it retains, its lag,
 * whether a relay streams from it and whether its WAL is at risk, as Prometheus gauges; and a role
 * without any privilege can read what the gauges read.
 */
@QuarkusTest
class ReplicationSlotMetricsIT {

    private static final String SLOT = "slot=\"comanda_orders_outbox\"";

    @Inject
    ReplicationSlotMetrics slots;

    @Test
    void exposesTheRelaySlotsRetainedWalLagAndState() {
        slots.read().await().atMost(Duration.ofSeconds(30));

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("comanda_replication_slot_retained_wal_bytes{" + SLOT + "}"))
                .body(containsString("comanda_replication_slot_lag_bytes{" + SLOT + "}"))
                .body(containsString("comanda_replication_slot_active{" + SLOT + "} 1.0"))
                .body(containsString("comanda_replication_slot_wal_at_risk{" + SLOT + "} 0.0"));
    }

    @Test
    void anUnprivilegedRoleReadsTheSlotsPositions() throws Exception {
        TestDatabase.update("do $$ begin if not exists (select 1 from pg_roles where rolname = 'slot_reader') then "
                + "create role slot_reader login password 'slot-reader'; end if; end $$");
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection connection = DriverManager.getConnection(url, "slot_reader", "slot-reader");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select slot_name, wal_status,"
                     + " pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) as retained"
                     + " from pg_replication_slots where slot_name = 'comanda_orders_outbox'")) {
            assertThat(rs.next()).as("the slot is visible").isTrue();
            assertThat(rs.getString("wal_status")).isIn("reserved", "extended");
            assertThat(rs.getBigDecimal("retained")).isNotNull().isNotNegative();
        }
    }
}
