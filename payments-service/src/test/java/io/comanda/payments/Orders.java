package io.comanda.payments;

import io.comanda.devstack.clients.ConsumerGroupLag;
import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** What orders-service would publish, and what the tests look at around payments-service. */
final class Orders {

    private Orders() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static OrderPlaced placed(String paymentMethod) {
        return new OrderPlaced(UUID.randomUUID(), "customer-" + UUID.randomUUID(),
                List.of(new LineItem("ESPRESSO-250G", 2, Money.of(1299, "EUR"))), Money.of(2598, "EUR"),
                paymentMethod, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    static EventProducer producer() {
        return new EventProducer(bootstrap());
    }

    /** The charges the Stripe emulator really made for an order. */
    static long chargesAtStripe(UUID orderId) {
        return RestAssured.given().baseUri(stripeUrl()).queryParam("order_id", orderId.toString())
                .get("/_emulator/charges").then().statusCode(200).extract().jsonPath().getLong("charges");
    }

    /** Every PaymentIntent the Stripe emulator holds for an order, charged or not. */
    static List<Map<String, Object>> paymentIntentsAtStripe(UUID orderId) {
        List<Map<String, Object>> all = RestAssured.given().baseUri(stripeUrl()).get("/_emulator/charges").then()
                .statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(intent -> intent.get("metadata") instanceof Map<?, ?> metadata
                && orderId.toString().equals(metadata.get("order_id"))).toList();
    }

    /** How long the emulator keeps a {@code pm_card_processing} payment processing before it succeeds. */
    static void stripeProcessingTime(Duration processing) {
        RestAssured.given().baseUri(stripeUrl()).contentType("application/json")
                .body(Map.of("processingMs", processing.toMillis())).post("/_emulator/processing").then().statusCode(200);
    }

    /** The emulator's ledger: {@code paymentIntents}, {@code chargedOrders}, {@code ordersChargedTwice}, {@code replays}. */
    static io.restassured.path.json.JsonPath stripeSummary() {
        return RestAssured.given().baseUri(stripeUrl()).get("/_emulator/summary").then().statusCode(200)
                .extract().jsonPath();
    }

    /** The succeeded PaymentIntents of an order that are not refunded: money the customer has paid. */
    static long unrefundedChargesAtStripe(UUID orderId) {
        return RestAssured.given().baseUri(stripeUrl()).queryParam("order_id", orderId.toString())
                .get("/_emulator/charges").then().statusCode(200).extract().jsonPath().getLong("unrefunded");
    }

    /** The refunds the emulator made for an order. */
    static long stripeRefunds(UUID orderId) {
        return RestAssured.given().baseUri(stripeUrl()).queryParam("order_id", orderId.toString())
                .get("/_emulator/charges").then().statusCode(200).extract().jsonPath().getLong("refunds");
    }

    /** Makes the emulator forget idempotency keys, as Stripe prunes keys older than 24 h. */
    static void forgetStripeKeys(String... keys) {
        RestAssured.given().baseUri(stripeUrl()).contentType("application/json").body(Map.of("forget", List.of(keys)))
                .post("/_emulator/idempotency").then().statusCode(200);
    }

    /** Charges the order at Stripe under its first key, as payments-service would have. */
    static String chargeAtStripe(OrderPlaced order) {
        return RestAssured.given().baseUri(stripeUrl()).auth().oauth2("sk_test_comanda_local_emulator")
                .header("Idempotency-Key", "comanda-order-" + order.orderId())
                .formParam("amount", order.total().amount()).formParam("currency", order.total().currency().toLowerCase())
                .formParam("payment_method", order.paymentMethod()).formParam("confirm", "true")
                .formParam("off_session", "true").formParam("metadata[order_id]", order.orderId().toString())
                .post("/v1/payment_intents").then().statusCode(200).extract().jsonPath().getString("id");
    }

    static void noStripeFaults() {
        stripeFaults(Map.of());
    }

    /** How many faults of a kind ({@code executedThen500}, {@code rateLimited}, ...) took effect since they were set. */
    static long stripeFaultsInjected(String kind) {
        return RestAssured.given().baseUri(stripeUrl()).get("/_emulator/faults").then().statusCode(200)
                .extract().jsonPath().getLong("injected." + kind);
    }

    /** Replaces the emulator's faults: latency, failure rates, a script for the next creates, ... */
    static void stripeFaults(Map<String, Object> faults) {
        RestAssured.given().baseUri(stripeUrl()).contentType("application/json").body(faults)
                .post("/_emulator/faults").then().statusCode(200);
    }

    static List<ConsumerRecord<String, String>> readUntil(String topic,
                                                          Predicate<List<ConsumerRecord<String, String>>> done) {
        try (TopicReader reader = TopicReader.fromBeginning(bootstrap(), topic)) {
            return reader.readUntil(done, Duration.ofSeconds(90));
        }
    }

    /** Whether the consumer group has committed every record of the topic, i.e. processed them all. */
    static boolean groupCaughtUp(String group, String topic) {
        return ConsumerGroupLag.caughtUp(bootstrap(), group, topic);
    }

    private static String stripeUrl() {
        return ConfigProvider.getConfig().getValue("comanda.test.stripe-url", String.class);
    }
}
