package io.comanda.payments;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.MetricSamples;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.devstack.quarkus.TestStack;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventType;
import io.comanda.events.OrderPlaced;
import io.comanda.events.Topic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Payments ride out the outages of their dependencies: nothing is dead-lettered, every order is paid
 * once, whether PostgreSQL or Stripe is away for a minute, Stripe refuses our key until an operator
 * mends it, or Stripe is slow with a backlog. One class, so that the slow scenarios share one stack and
 * run one after the other; the retry budget stays at its default (30 minutes), far above each outage.
 */
@QuarkusTest
class DependencyOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Duration SETTLING = Duration.ofMinutes(4);

    @AfterEach
    void stripeServesAgain() {
        Orders.noStripeFaults();
        validStripeKeys(List.of());
    }

    @Test
    void fiftyOrdersBeingPaidWhilePostgresIsDownForAMinuteAreAllPaidOnceItIsBack() {
        double deadLetteredBefore = deadLettered();
        long intentsBefore = stripeIntents();
        // Slow charges, so that PostgreSQL goes away with payments in flight.
        stripeFaults(Map.of("latencyMs", 300));
        List<OrderPlaced> orders = send(50, "pg-outage");
        await().atMost(Duration.ofSeconds(30)).until(() -> stripeIntents() > intentsBefore);

        TestStack.stopPostgres();
        try {
            noDeadLettersDuring(OUTAGE, deadLetteredBefore);
        } finally {
            TestStack.restartPostgres();
        }

        assertEveryOrderPaidOnce(orders, deadLetteredBefore);
    }

    @Test
    void fiftyOrdersPaidWhileStripeFailsForAMinuteAreAllPaidOnceItRecovers() {
        double deadLetteredBefore = deadLettered();
        // Every API request answered 500 or 429, as an overloaded edge would.
        stripeFaults(Map.of("transientFailureRate", 1.0));
        List<OrderPlaced> orders = send(50, "stripe-outage");

        noDeadLettersDuring(OUTAGE, deadLetteredBefore);
        assertThat(orders).allSatisfy(order -> assertThat(Orders.chargesAtStripe(order.orderId())).isZero());
        Orders.noStripeFaults();

        assertEveryOrderPaidOnce(orders, deadLetteredBefore);
    }

    @Test
    void aRefusedSecretKeyPausesPaymentsWithReadinessDownUntilStripeAcceptsItAgain() {
        double deadLetteredBefore = deadLettered();
        validStripeKeys(List.of("sk_test_rotated_by_an_operator"));
        List<OrderPlaced> orders = send(20, "refused-key");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath ready = readiness();
            assertThat(ready.getString("status")).isEqualTo("DOWN");
            assertThat(ready.getString("checks.find { it.name == 'consumer dependencies' }.data.stripe"))
                    .contains("Stripe refuses our secret key (401)").contains("Invalid API Key provided");
        });
        noDeadLettersDuring(Duration.ofSeconds(5), deadLetteredBefore);
        assertThat(TestDatabase.count("select count(*) from payment where order_id = ?", orders.get(0).orderId()))
                .isZero();

        validStripeKeys(List.of());

        assertEveryOrderPaidOnce(orders, deadLetteredBefore);
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(readiness().getString("status")));
    }

    @Test
    void aSlowStripeWithFiveHundredQueuedOrdersKeepsTheConsumerAliveAndChargesEachOnce() {
        double deadLetteredBefore = deadLettered();
        stripeFaults(Map.of("latencyMs", 600));
        List<OrderPlaced> orders = send(500, "slow-stripe");

        await().atMost(Duration.ofSeconds(20)).until(() -> stripeIntentsOf(orders) > 0);
        assertConsumerAlive();
        assertEveryOrderPaidOnce(orders, deadLetteredBefore);
        assertConsumerAlive();
    }

    private static List<OrderPlaced> send(int count, String correlationPrefix) {
        List<OrderPlaced> orders = new ArrayList<>();
        try (EventProducer producer = Orders.producer()) {
            for (int i = 0; i < count; i++) {
                OrderPlaced order = Orders.placed("pm_card_visa");
                orders.add(order);
                producer.send(order, UUID.randomUUID(), correlationPrefix + "-" + i);
            }
        }
        return orders;
    }

    /** Each order: one PaymentSucceeded relayed on comanda.payments, one charge at Stripe, one payment row. */
    private static void assertEveryOrderPaidOnce(List<OrderPlaced> orders, double deadLetteredBefore) {
        Set<String> keys = orders.stream().map(o -> o.orderId().toString()).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> outcomes;
        try (TopicReader reader = TopicReader.fromBeginning(Orders.bootstrap(), Topic.PAYMENTS.topicName())) {
            outcomes = reader.readUntil(seen -> seen.stream().map(ConsumerRecord::key).collect(Collectors.toSet())
                    .containsAll(keys), SETTLING);
        }
        assertThat(outcomes.stream().filter(r -> keys.contains(r.key())))
                .hasSize(orders.size())
                .allSatisfy(r -> assertThat(TopicReader.header(r, CloudEventHeaders.TYPE))
                        .isEqualTo(EventType.PAYMENT_SUCCEEDED_V1.ceType()));
        assertThat(stripeIntentsOf(orders)).as("charges at Stripe").isEqualTo(orders.size());
        assertThat(TestDatabase.count("select count(*) from payment where order_id::text = any(?)",
                (Object) keys.toArray(String[]::new))).isEqualTo(orders.size());
        assertThat(deadLettered() - deadLetteredBefore).as("dead letters").isZero();
    }

    private static void noDeadLettersDuring(Duration window, double deadLetteredBefore) {
        await().during(window).atMost(window.plusSeconds(15)).pollInterval(Duration.ofSeconds(2))
                .until(() -> deadLettered() == deadLetteredBefore);
    }

    /** The channel is alive and ready as far as Reactive Messaging is concerned: it did not die of slowness. */
    private static void assertConsumerAlive() {
        JsonPath live = RestAssured.get("/q/health/live").then().extract().jsonPath();
        assertThat(live.getString("status")).isEqualTo("UP");
        assertThat(readiness().getList("checks.findAll { it.name.contains('Reactive Messaging') }.status"))
                .isNotEmpty().containsOnly("UP");
    }

    private static JsonPath readiness() {
        return RestAssured.get("/q/health/ready").then().extract().jsonPath();
    }

    private static double deadLettered() {
        return MetricSamples.sum(RestAssured.get("/q/metrics").asString(), "comanda_consumer_dead_lettered_total");
    }

    private static long stripeIntents() {
        return Orders.stripeSummary().getLong("paymentIntents");
    }

    /** The charges Stripe really made for these orders: succeeded PaymentIntents (an idempotent replay makes none). */
    private static long stripeIntentsOf(List<OrderPlaced> orders) {
        Set<String> ids = orders.stream().map(o -> o.orderId().toString()).collect(Collectors.toSet());
        List<Map<String, Object>> intents = RestAssured.given().baseUri(stripeUrl()).get("/_emulator/charges")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return intents.stream().filter(intent -> "succeeded".equals(intent.get("status")))
                .filter(intent -> intent.get("metadata") instanceof Map<?, ?> metadata
                        && ids.contains(String.valueOf(metadata.get("order_id")))).count();
    }

    private static void stripeFaults(Map<String, Object> faults) {
        RestAssured.given().baseUri(stripeUrl()).contentType("application/json").body(faults)
                .post("/_emulator/faults").then().statusCode(200);
    }

    private static void validStripeKeys(List<String> keys) {
        RestAssured.given().baseUri(stripeUrl()).contentType("application/json").body(Map.of("valid", keys))
                .post("/_emulator/api-keys").then().statusCode(200);
    }

    private static String stripeUrl() {
        return ConfigProvider.getConfig().getValue("comanda.test.stripe-url", String.class);
    }
}
