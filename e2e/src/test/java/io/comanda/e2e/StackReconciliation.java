package io.comanda.e2e;

import io.comanda.devstack.clients.AccessTokens;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.MetricSamples;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.StackHttp;
import io.comanda.events.EventType;
import io.restassured.path.json.JsonPath;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reconciliation on a running stack whose orders-service reconciles orders PENDING for over
 * {@link #PENDING_AGE} every {@link #EVERY}: an order's payment outcome is dead-lettered (the test changes
 * the order's amount while Stripe is slow, so the outcome no longer matches the order) and discarded, and
 * reconciliation settles the order from payments-service's record of the payment, announcing it once.
 */
final class StackReconciliation {

    /** The stack's orders-service settings this scenario needs, as environment variables. */
    static final Map<String, String> SETTINGS = Map.of(
            "COMANDA_ORDERS_RECONCILE_PENDING_AGE", "5S",
            "COMANDA_ORDERS_RECONCILE_EVERY", "2s");
    private static final Duration PENDING_AGE = Duration.ofSeconds(5);
    private static final Duration EVERY = Duration.ofSeconds(2);

    private final ObservedStack stack;
    private final Map<String, Integer> ports;

    StackReconciliation(ObservedStack stack, Map<String, Integer> ports) {
        this.stack = stack;
        this.ports = ports;
    }

    void settlesAnOrderWhoseOutcomeWasDeadLetteredAndDiscarded(String customerToken) throws Exception {
        String ops = AccessTokens.forUser(stack.url("keycloak"), LocalUser.OPS);
        String order;
        stripeLatency(8000);
        try {
            order = stack.place(customerToken, "pm_card_visa", "e2e-reconcile-" + UUID.randomUUID());
            // Charged at the amount of OrderPlaced; the order now says otherwise, so its outcome cannot settle it.
            changeAmount(order, 100);
        } finally {
            stripeLatency(0);
        }
        assertThat(deadLetteredOutcomeReason(order)).startsWith("outcome-mismatch");
        String deadLetter = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> outcomeMismatchDeadLetter(ops, order), id -> id != null);
        ComandaCli.Result mismatched = stack.comanda("reconcile");
        assertThat(mismatched.output()).as("./comanda reconcile shows the order left PENDING with a payment")
                .contains(order, "order PENDING, payment SUCCEEDED");

        given().auth().oauth2(ops).delete(stack.url("orders") + "/admin/dead-letters/" + deadLetter)
                .then().statusCode(204);
        changeAmount(order, -100);

        stack.awaitStatus(customerToken, order, "CONFIRMED");
        assertThat(orderEventTypes(order)).as("the order's events on comanda.orders")
                .containsExactly(EventType.ORDER_PLACED_V1.ceType(), EventType.ORDER_CONFIRMED_V1.ceType());
        assertThat(MetricSamples.sum(StackHttp.get(stack.url("orders-management") + "/q/metrics").body(),
                "comanda_orders_reconcile_settled_total", "payment=\"charged\"")).isPositive();
        ComandaCli.Result reconciled = stack.comanda("reconcile");
        assertThat(reconciled.exitCode()).as(reconciled.output()).isZero();
        assertThat(reconciled.output()).contains("Stripe emulator:", "payments-service:", "orders-service:")
                .doesNotContain(order);
    }

    /**
     * An order PENDING for eleven minutes that payments-service never heard of (its OrderPlaced lost, as
     * the test writes the row itself): reported by the gauge, the counter and {@code ./comanda reconcile},
     * and left PENDING.
     */
    void reportsAnOrderPaymentsServiceKnowsNothingOf() throws Exception {
        String order = UUID.randomUUID().toString();
        execute("insert into customer_order (id, customer_id, status, total_amount, currency, payment_method,"
                + " created_at, updated_at) values (?::uuid, 'reconciliation-e2e', 'PENDING', 890, 'EUR',"
                + " 'pm_card_visa', now() - interval '11 minutes', now() - interval '11 minutes')", order);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String metrics = StackHttp.get(stack.url("orders-management") + "/q/metrics").body();
                assertThat(MetricSamples.sum(metrics, "comanda_orders_reconcile_unknown")).isPositive();
                assertThat(MetricSamples.sum(metrics, "comanda_orders_reconcile_unknown_reports_total")).isPositive();
            });
            ComandaCli.Result report = stack.comanda("reconcile");
            assertThat(report.output()).contains(order, "order PENDING for over 10 minutes, no payment");
        } finally {
            execute("update customer_order set status = 'CANCELLED' where id = ?::uuid", order);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(MetricSamples.sum(
                StackHttp.get(stack.url("orders-management") + "/q/metrics").body(), "comanda_orders_reconcile_unknown"))
                .as("no order unknown to payments-service at the last run").isZero());
    }

    /** The id of the order's outcome dead letter (reason outcome-mismatch) orders-service lists, or null. */
    private String outcomeMismatchDeadLetter(String ops, String order) {
        JsonPath page = given().auth().oauth2(ops).queryParam("size", 100)
                .get(stack.url("orders") + "/admin/dead-letters").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream()
                .filter(item -> order.equals(item.get("key"))
                        && String.valueOf(item.get("reason")).startsWith("outcome-mismatch"))
                .map(item -> String.valueOf(item.get("id"))).findFirst().orElse(null);
    }

    /** The reason orders-service parked the order's payment outcome with, on its dead-letter topic. */
    private String deadLetteredOutcomeReason(String order) {
        try (TopicReader reader = TopicReader.fromBeginning("127.0.0.1:" + ports.get("kafka"),
                "comanda.payments.orders-service.dlq")) {
            return TopicReader.header(reader.awaitKey(order, Duration.ofSeconds(60)), "dead-letter-reason");
        }
    }

    /** The ce_types of the order's records on comanda.orders, once its settlement is there and for a while after. */
    private List<String> orderEventTypes(String order) {
        try (TopicReader reader = TopicReader.fromBeginning("127.0.0.1:" + ports.get("kafka"), "comanda.orders")) {
            reader.readUntil(records -> records.stream().filter(r -> order.equals(r.key())).count() >= 2,
                    Duration.ofSeconds(30));
            // Several reconciliation runs: none may announce the order a second time.
            return reader.readFor(PENDING_AGE.plus(EVERY.multipliedBy(2))).stream()
                    .filter(r -> order.equals(r.key()))
                    .map(r -> TopicReader.header(r, "ce_type")).toList();
        }
    }

    private void changeAmount(String order, long by) throws Exception {
        execute("update customer_order set total_amount = total_amount + " + by + " where id = ?::uuid", order);
    }

    /** Runs {@code sql} on orders-service's database with the order id bound; it must touch one row. */
    private void execute(String sql, String order) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                PostgresServer.jdbcUrl("127.0.0.1", ports.get("postgres"), "orders"), PostgresServer.USER,
                PostgresServer.PASSWORD);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, order);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private void stripeLatency(long millis) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url("stripe") + "/_emulator/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"latencyMs\":" + millis + ",\"transientFailureRate\":0}"))
                .build();
        assertThat(StackHttp.send(request).statusCode()).isEqualTo(200);
    }
}
