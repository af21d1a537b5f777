package io.comanda.e2e;

import io.comanda.devstack.clients.AccessTokens;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.Mailbox;
import io.comanda.devstack.clients.ZipkinTraces;
import io.comanda.devstack.parts.Ports;
import io.comanda.events.Topic;
import io.comanda.devstack.parts.StackPorts;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The whole suite as a newcomer runs it, one behaviour per test on one stack that {@code ./comanda up
 * --fresh} starts once for the class: an order paid by card and one declined, both followed through
 * the HTTP API and in the customer's mailbox (over IMAP, and through {@code ./comanda mail}); an order
 * found by its note in search-indexer, by its owner only, and again after {@code ./comanda reindex}; an
 * order's trace in the trace store and from {@code ./comanda trace}, a retried record's attempts in one
 * trace, an order whose payment outcome was dead-lettered and discarded settled by reconciliation (and
 * {@code ./comanda reconcile}), the shortened fault suite ({@code ./comanda chaos --short}), the trace
 * context on every published record, and the metrics the dashboards use; then {@code ./comanda down}
 * and nothing left running, a busy port named with the way around, and a restart that still knows the
 * orders. The tests run in their written order: the later ones read what the earlier ones placed. Every
 * part is moved to a free port through its {@code COMANDA_*_PORT} variable, so a stack or database
 * already on the default ports does not matter.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComandaLauncherIT {

    private static final Map<String, Integer> PORTS = freePorts();
    private static final Map<String, String> ENVIRONMENT = environment(PORTS);
    private static final String ORDERS = "http://127.0.0.1:" + PORTS.get("orders");
    private static final String KEYCLOAK = "http://127.0.0.1:" + PORTS.get("keycloak");
    private static final Path UP_LOG = Path.of("target", "comanda-up.log").toAbsolutePath();

    private static Set<Long> processes;
    private static ObservedStack observed;
    private static String confirmedOrder;
    private static String declinedOrder;

    @BeforeAll
    static void upFresh() throws Exception {
        Process up = ComandaCli.start(UP_LOG, ENVIRONMENT, "up", "--fresh");
        awaitUp(up, UP_LOG);
        processes = ComandaCli.stackProcesses(up);
        observed = new ObservedStack(PORTS, ENVIRONMENT);
    }

    @AfterAll
    static void downWhateverRuns() throws Exception {
        ComandaCli.run(ENVIRONMENT, "down");
    }

    @Test
    @Order(1)
    void upPrintsProgressAndAddressesOnly() throws Exception {
        assertProgressAndAddressesOnly(UP_LOG);
    }

    @Test
    @Order(2)
    void aSecondUpIsRefusedWhileOneRuns() throws Exception {
        ComandaCli.Result second = ComandaCli.run(ENVIRONMENT, "up");

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.output()).contains("already running");
    }

    @Test
    @Order(3)
    void aPaidOrderIsConfirmedAndADeclinedOneCancelledWithTheReason() {
        String token = AccessTokens.forUser(KEYCLOAK, LocalUser.ALICE);
        String paid = place(ORDERS, token, "pm_card_visa");
        String declined = place(ORDERS, token, "pm_card_chargeDeclined");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token)
                .get(ORDERS + "/orders/" + paid).then().statusCode(200).body("status", equalTo("CONFIRMED")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token)
                .get(ORDERS + "/orders/" + declined).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("declineReason", equalTo("Your card was declined.")));
        confirmedOrder = paid;
        declinedOrder = declined;
    }

    @Test
    @Order(4)
    void aliceIsMailedAboutBothOrdersAndComandaMailListsThem() throws Exception {
        assertThat(confirmedOrder).as("the paid order of the test before").isNotNull();
        assertThat(declinedOrder).as("the declined order of the test before").isNotNull();
        assertMailedToAlice(ENVIRONMENT, PORTS.get("imap"), confirmedOrder, declinedOrder);
    }

    @Test
    @Order(5)
    void comandaOrdersKeepsItsRecords() throws Exception {
        new StackSearch(PORTS, ENVIRONMENT).comandaOrdersKeepsItsRecords();
    }

    @Test
    @Order(6)
    void anOrderIsFoundByItsNoteByItsOwnerOnlyAndAgainAfterAReindex() throws Exception {
        new StackSearch(PORTS, ENVIRONMENT).anOrderIsFoundByItsNoteByItsOwnerOnlyAndAgainAfterAReindex();
    }

    @Test
    @Order(7)
    void oneOrderIsOneTraceFoundByItsCorrelationId() throws Exception {
        String token = AccessTokens.forUser(KEYCLOAK, LocalUser.ALICE);
        String correlationId = "e2e-trace-" + UUID.randomUUID();
        String order = observed.place(token, "pm_card_visa", correlationId);
        ZipkinTraces.Trace trace = observed.oneTraceOf(correlationId);

        ComandaCli.Result printed = observed.comanda("trace", correlationId);
        assertThat(printed.exitCode()).as(printed.output()).isZero();
        assertThat(printed.output()).contains("trace " + trace.id(), "orders-service  post /orders",
                "payments-service  stripe post /v1/payment_intents", "/zipkin/traces/" + trace.id());
        assertThat(observed.comanda("trace", order).output()).as("found by the order id too").contains("trace " + trace.id());
    }

    @Test
    @Order(8)
    void aRetriedRecordKeepsEveryAttemptInOneTrace() {
        String token = AccessTokens.forUser(KEYCLOAK, LocalUser.ALICE);
        String correlationId = "e2e-retry-" + UUID.randomUUID();
        observed.stripeFailureRate(1.0);
        String order;
        try {
            order = observed.place(token, "pm_card_visa", correlationId);
            // Stripe answers 500 or 429 until the first attempt has failed (its span is marked), then recovers.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(observed.failedPaymentsSpans(correlationId))
                    .as("a failed first attempt").isPositive());
        } finally {
            observed.stripeFailureRate(0);
        }
        observed.awaitStatus(token, order, "CONFIRMED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(observed.stripeCallsFailed(correlationId))
                .as("payments-service's Stripe calls in the one trace of the order: the failed attempts, then the one "
                        + "that charged")
                .hasSizeGreaterThanOrEqualTo(2).contains(true, false));
    }

    /** At least the records of the orders the tests before placed: each placed and settled, each with an outcome. */
    @Test
    @Order(9)
    void everyPublishedRecordCarriesATraceparent() {
        observed.everyPublishedRecordCarriesATraceparent(Topic.ORDERS.topicName(), 6);
        observed.everyPublishedRecordCarriesATraceparent(Topic.PAYMENTS.topicName(), 3);
    }

    @Test
    @Order(10)
    void reconcileReportsAnOrderPaymentsServiceKnowsNothingOf() throws Exception {
        new StackReconciliation(observed, PORTS).reportsAnOrderPaymentsServiceKnowsNothingOf();
    }

    @Test
    @Order(11)
    void reconciliationSettlesAnOrderWhoseOutcomeWasDeadLetteredAndDiscarded() throws Exception {
        new StackReconciliation(observed, PORTS)
                .settlesAnOrderWhoseOutcomeWasDeadLetteredAndDiscarded(AccessTokens.forUser(KEYCLOAK, LocalUser.ALICE));
    }

    @Test
    @Order(12)
    void theShortFaultSuiteLosesNothingAndDoesNothingTwice() throws Exception {
        StackFaultSuite.everyScenarioLosesNothingAndDoesNothingTwice(ENVIRONMENT);
    }

    /** A record no consumer can read first, so that the dead-letter metrics the alerts use exist. */
    @Test
    @Order(13)
    void dashboardsAndAlertsUseOnlyExposedMetrics() throws Exception {
        observed.publishUnreadablePayment();
        Set<String> used = MetricNames.usedIn(ObservabilityFiles.expressions());
        assertThat(used).as("metrics the dashboard and alert rules use").isNotEmpty();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Set<String> exposed = new java.util.TreeSet<>(observed.exposedMetrics("orders"));
            exposed.addAll(observed.exposedMetrics("payments"));
            assertThat(exposed).containsAll(used);
        });
    }

    @Test
    @Order(14)
    void downStopsEveryProcessAndFreesEveryPort() throws Exception {
        ComandaCli.Result down = ComandaCli.run(ENVIRONMENT, "down");

        assertThat(down.output()).contains("Comanda stopped");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(processes).noneMatch(ComandaCli::alive));
        assertThat(PORTS.values()).noneMatch(Ports::inUse);
    }

    @Test
    @Order(15)
    void aBusyPortIsNamedWithTheWayAround() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Map<String, String> environment = environment(freePorts());
            environment.put(StackPorts.variable("smtp"), Integer.toString(port));

            ComandaCli.Result busy = ComandaCli.run(environment, "up");

            assertThat(busy.exitCode()).isEqualTo(1);
            assertThat(busy.output()).contains("Port " + port + " for smtp is in use")
                    .contains("COMANDA_SMTP_PORT=<port> ./comanda up");
        }
    }

    @Test
    @Order(16)
    void aStackStartedAgainStillKnowsTheOrders() throws Exception {
        assertThat(confirmedOrder).as("the order confirmed before the stack went down").isNotNull();
        Path againLog = Path.of("target", "comanda-up-again.log").toAbsolutePath();
        Process again = ComandaCli.start(againLog, ENVIRONMENT, "up");
        try {
            awaitUp(again, againLog);
            String token = AccessTokens.forUser(KEYCLOAK, LocalUser.ALICE);
            given().auth().oauth2(token).get(ORDERS + "/orders/" + confirmedOrder).then().statusCode(200)
                    .body("status", equalTo("CONFIRMED"));
        } finally {
            ComandaCli.run(ENVIRONMENT, "down");
        }
    }

    /**
     * Alice finds the received and confirmed mails of her paid order and the received and cancelled
     * mails of her declined one in her mailbox, read over IMAP, and {@code ./comanda mail} lists them.
     */
    private static void assertMailedToAlice(Map<String, String> environment, int imapPort, String confirmedOrder,
                                            String declinedOrder) throws Exception {
        Mailbox alice = new Mailbox("127.0.0.1", imapPort, LocalUser.ALICE.email());
        String paid = confirmedOrder.substring(0, 8);
        String declined = declinedOrder.substring(0, 8);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(alice.about(confirmedOrder)).extracting(Mailbox.ReceivedMail::subject)
                    .containsExactlyInAnyOrder("We received your order " + paid, "Your order " + paid + " is confirmed");
            assertThat(alice.about(declinedOrder)).extracting(Mailbox.ReceivedMail::subject)
                    .containsExactlyInAnyOrder("We received your order " + declined,
                            "Your order " + declined + " was cancelled");
        });
        assertThat(alice.about(confirmedOrder)).allSatisfy(mail -> assertThat(mail.to()).containsExactly(alice.address()));

        ComandaCli.Result mail = ComandaCli.run(environment, "mail");
        assertThat(mail.exitCode()).isZero();
        assertThat(mail.output()).contains("Your order " + paid + " is confirmed", "Your order " + declined
                + " was cancelled", alice.address());
    }

    /** A free loopback port for every part of the stack, by part name. */
    private static Map<String, Integer> freePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        StackPorts.parts().forEach(part -> ports.put(part, Ports.free()));
        assertThat(Set.copyOf(ports.values())).as("distinct ports").hasSize(ports.size());
        return ports;
    }

    private static Map<String, String> environment(Map<String, Integer> ports) {
        Map<String, String> environment = new LinkedHashMap<>();
        ports.forEach((part, port) -> environment.put(StackPorts.variable(part), Integer.toString(port)));
        // The services inherit the launcher's environment: orders-service reconciles within seconds.
        environment.putAll(StackReconciliation.SETTINGS);
        return environment;
    }

    /** Twelve progress lines, one table row per part (and IMAP's), and not one log line of a part or a client. */
    private static void assertProgressAndAddressesOnly(Path log) throws Exception {
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).noneMatch(line -> line.contains("WARN") || line.contains("ERROR"));
        assertThat(lines).filteredOn(line -> line.startsWith("  starting ")).hasSize(12);
        assertThat(lines).filteredOn(line -> line.startsWith("  ready    ")).hasSize(12);
        assertThat(lines).filteredOn(line -> line.matches("  [a-z-]+ +(http|smtp|imap|postgresql)?[:/0-9.]+ +/.*\\.log"))
                .extracting(line -> line.trim().split(" +")[0])
                .containsExactly("postgres", "kafka", "kafka-connect", "stripe-emulator", "smtp", "imap", "zipkin",
                        "keycloak",
                        "orders-service", "payments-service", "notifications-service", "search-indexer");
    }

    private static void awaitUp(Process up, Path log) {
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).until(() ->
                !up.isAlive() || Files.readString(log).contains("Comanda is up"));
        assertThat(up.isAlive()).as("./comanda up is running; see " + log).isTrue();
    }

    private static String place(String orders, String token, String paymentMethod) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("items", List.of(Map.of("sku", "ESPRESSO-250G", "quantity", 1)), "paymentMethod", paymentMethod))
                .post(orders + "/orders").then().statusCode(201).extract().path("id");
    }
}
