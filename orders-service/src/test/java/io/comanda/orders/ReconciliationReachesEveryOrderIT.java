package io.comanda.orders;

import io.comanda.devstack.clients.MetricSamples;
import io.comanda.devstack.quarkus.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reconciliation reaches every order PENDING past its age, page after page ({@code batch-size} 10 here):
 * more than a hundred orders it cannot settle (payments-service, a {@link PaymentsStub}, knows nothing of
 * them) do not keep it from settling younger ones; each of them is reported once however many runs ask
 * about it again, and the gauge counts them all. A run holds a lock that another instance's run would
 * hold: while it is taken, nothing is reconciled here.
 */
@QuarkusTest
@TestProfile(ReconciliationReachesEveryOrderIT.FastReconciliation.class)
class ReconciliationReachesEveryOrderIT {

    private static final int UNSETTLEABLE = 120;
    private static final String CUSTOMER = "reconciliation-it";
    private static final long AMOUNT = 890;
    // The job's name in PendingOrderReconciliation, and the platform's first key of every job lock.
    private static final String JOB = "orders-service reconciliation of pending orders";
    private static final int JOB_LOCKS = 0x436d6461;

    private final List<UUID> inserted = new ArrayList<>();

    @Test
    void moreThanAHundredOrdersItCannotSettleDoNotKeepItFromYoungerOnesAndAreEachReportedOnceAndCounted() {
        List<UUID> unsettleable = new ArrayList<>();
        for (int i = 0; i < UNSETTLEABLE; i++) {
            unsettleable.add(pendingOrder(Duration.ofHours(5).minusSeconds(i)));
        }
        List<UUID> younger = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID order = pendingOrder(Duration.ofHours(3).minusSeconds(i));
            PaymentsStub.charged(order, CUSTOMER, AMOUNT);
            younger.add(order);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(younger)
                .allSatisfy(order -> assertThat(StoredOrders.status(order)).isEqualTo("CONFIRMED")));
        await().atMost(Duration.ofSeconds(30)).until(() -> reported(unsettleable) == UNSETTLEABLE);
        double reports = metric("comanda_orders_reconcile_unknown_reports_total");
        String reportedAt = lastReportedAt(unsettleable);
        int askedBefore = PaymentsStub.asked(unsettleable.get(UNSETTLEABLE - 1));

        // Three more runs have asked about each of them again.
        await().atMost(Duration.ofSeconds(60)).until(() -> unsettleable.stream()
                .allMatch(order -> PaymentsStub.asked(order) >= askedBefore + 3));
        assertThat(unsettleable).allSatisfy(order -> assertThat(StoredOrders.status(order)).isEqualTo("PENDING"));
        assertThat(metric("comanda_orders_reconcile_unknown_reports_total")).as("reports after three more runs")
                .isEqualTo(reports);
        assertThat(lastReportedAt(unsettleable)).as("the last report of any of them").isEqualTo(reportedAt);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metric("comanda_orders_reconcile_unknown"))
                .as("the gauge, past a page of 10").isGreaterThanOrEqualTo(UNSETTLEABLE));
    }

    @Test
    void whileAnotherInstanceRunsReconciliationThisOneReconcilesNothing() throws Exception {
        UUID order;
        try (Connection otherInstance = TestDatabase.connect(); Statement lock = otherInstance.createStatement()) {
            // Waits for a run of this instance that is under way, then keeps the next ones out.
            lock.execute("select pg_advisory_lock(" + JOB_LOCKS + ", hashtext('" + JOB + "'))");
            order = pendingOrder(Duration.ofHours(3));
            PaymentsStub.charged(order, CUSTOMER, AMOUNT);

            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                    .until(() -> "PENDING".equals(StoredOrders.status(order)) && PaymentsStub.asked(order) == 0);

            lock.execute("select pg_advisory_unlock(" + JOB_LOCKS + ", hashtext('" + JOB + "'))");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(StoredOrders.status(order)));
    }

    @AfterEach
    void leaveNoOrderPending() {
        // Other tests count stale PENDING orders.
        TestDatabase.update("update customer_order set status = 'CANCELLED' where status = 'PENDING'"
                + " and id = any(?::uuid[])", (Object) ids(inserted));
    }

    /** An order as placement stores it, created {@code age} ago. */
    private UUID pendingOrder(Duration age) {
        UUID id = UUID.randomUUID();
        StoredOrders.insertPending(id, CUSTOMER, AMOUNT, age);
        inserted.add(id);
        return id;
    }

    /** How many of the orders are reported, with payments-service's answer as their reason. */
    private static long reported(List<UUID> orders) {
        return TestDatabase.count("select count(*) from unsettled_order_report where kind = 'unknown'"
                + " and reason = 'payments-service has no payment for it' and order_id = any(?::uuid[])",
                (Object) ids(orders));
    }

    private static String lastReportedAt(List<UUID> orders) {
        return TestDatabase.one("select max(reported_at) as last from unsettled_order_report where order_id = any(?::uuid[])",
                (Object) ids(orders)).orElseThrow().get("last");
    }

    private static String ids(List<UUID> orders) {
        return "{" + String.join(",", orders.stream().map(UUID::toString).toList()) + "}";
    }

    private static double metric(String name) {
        return MetricSamples.sum(RestAssured.get("/q/metrics").asString(), name);
    }

    /**
     * A run every second over orders PENDING for over two hours (older than any other test's), ten a page;
     * payments-service is the stub.
     */
    public static class FastReconciliation implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("comanda.orders.reconcile.every", "1s",
                    "comanda.orders.reconcile.pending-age", "2H",
                    "comanda.orders.reconcile.batch-size", "10");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PaymentsStub.class));
        }
    }
}
