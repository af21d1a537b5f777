package io.comanda.orders;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.MetricSamples;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventJson;
import io.comanda.events.EventType;
import io.comanda.events.Money;
import io.comanda.events.OrderCancelled;
import io.comanda.events.OrderConfirmed;
import io.comanda.events.PaymentFailed;
import io.comanda.events.PaymentSucceeded;
import io.comanda.events.Topic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.comanda.orders.OrderEvents.awaitOnOrders;
import static io.comanda.orders.OrderEvents.bootstrap;
import static io.comanda.orders.OrderEvents.producer;
import static io.comanda.orders.OrderEvents.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Orders follow their payment's outcome, once, whatever Kafka redelivers. */
@QuarkusTest
class PaymentOutcomeIT {

    private static final String SUCCEEDED = EventType.PAYMENT_SUCCEEDED_V1.ceType();
    private static final String FAILED = EventType.PAYMENT_FAILED_V1.ceType();

    @Test
    void paymentSucceededConfirmsTheOrderAndAnnouncesIt() {
        String orderId = place("to confirm");
        try (EventProducer producer = producer()) {
            producer.send(succeeded(orderId), UUID.randomUUID(), "outcome-it-confirm");
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Customers.as(LocalUser.ALICE)
                .get("/orders/" + orderId).then().statusCode(200).body("status", equalTo("CONFIRMED")));
        ConsumerRecord<String, String> confirmed = awaitOnOrders(orderId, EventType.ORDER_CONFIRMED_V1.ceType());
        assertThat(TopicReader.header(confirmed, CloudEventHeaders.CORRELATION_ID)).isEqualTo("outcome-it-confirm");
        // The version the event announces is the one the order row got in the same transaction.
        assertThat(EventJson.read(confirmed.value().getBytes(StandardCharsets.UTF_8), OrderConfirmed.class).version())
                .isEqualTo(2L).isEqualTo(TestDatabase.count("select version from customer_order where id = ?::uuid", orderId));
    }

    @Test
    void paymentFailedCancelsTheOrderWithTheReason() {
        String orderId = place("to cancel");
        try (EventProducer producer = producer()) {
            producer.send(failed(orderId), UUID.randomUUID(), "outcome-it-cancel");
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Customers.as(LocalUser.ALICE)
                .get("/orders/" + orderId).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("declineReason", equalTo("Your card was declined.")));
        ConsumerRecord<String, String> cancelled = awaitOnOrders(orderId, EventType.ORDER_CANCELLED_V1.ceType());
        assertThat(EventJson.read(cancelled.value().getBytes(StandardCharsets.UTF_8), OrderCancelled.class).version())
                .isEqualTo(2L).isEqualTo(TestDatabase.count("select version from customer_order where id = ?::uuid", orderId));
    }

    @Test
    void aRedeliveredOutcomeIsDroppedByTheInboxBeforeTheOrderSeesIt() {
        String orderId = place("settled once");
        double redeliveriesIgnoredBefore = ignoredTransitions(SUCCEEDED);
        double contradictionsIgnoredBefore = ignoredTransitions(FAILED);
        double duplicatesBefore = duplicatesAbsorbed();
        UUID ceId = UUID.randomUUID();
        try (EventProducer producer = producer()) {
            producer.send(succeeded(orderId), ceId, "outcome-it-twice");
            producer.send(succeeded(orderId), ceId, "outcome-it-twice");
            awaitOnOrders(orderId, EventType.ORDER_CONFIRMED_V1.ceType());
            producer.send(failed(orderId), UUID.randomUUID(), "outcome-it-late");
        }

        // One key, one partition: the late outcome is handled after the redelivery. The order's state
        // guard ignores (and counts) the contradicting late outcome; the redelivery never reaches the
        // order, because the inbox holds its ce_id. Without the inbox the guard would count it too.
        await().atMost(Duration.ofSeconds(60)).until(() -> ignoredTransitions(FAILED) == contradictionsIgnoredBefore + 1);
        assertThat(ignoredTransitions(SUCCEEDED)).as("redelivered outcomes that reached the order")
                .isEqualTo(redeliveriesIgnoredBefore);
        assertThat(duplicatesAbsorbed()).as("redeliveries the inbox absorbed, counted").isEqualTo(duplicatesBefore + 1);
        Customers.as(LocalUser.ALICE).get("/orders/" + orderId).then().body("status", equalTo("CONFIRMED"));
        assertThat(TestDatabase.count("select count(*) from outbox where aggregateid = ? and type = ?", orderId,
                EventType.ORDER_CONFIRMED_V1.ceType())).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from outbox where aggregateid = ? and type = ?", orderId,
                EventType.ORDER_CANCELLED_V1.ceType())).isZero();
    }

    @Test
    void anEventIdAlreadyProcessedIsNeverAppliedAgainWhateverItCarries() {
        String first = place("first of one event id");
        String second = place("second of one event id");
        UUID ceId = UUID.randomUUID();
        try (EventProducer producer = producer()) {
            producer.send(succeeded(first), ceId, "outcome-it-reused-id");
            awaitOnOrders(first, EventType.ORDER_CONFIRMED_V1.ceType());
            // A producer bug: the same ce_id for another order's outcome. Only the inbox can refuse it.
            producer.send(succeeded(second), ceId, "outcome-it-reused-id");
            producer.send(failed(second), UUID.randomUUID(), "outcome-it-reused-id");
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Customers.as(LocalUser.ALICE)
                .get("/orders/" + second).then().statusCode(200).body("status", equalTo("CANCELLED")));
        assertThat(TestDatabase.count("select count(*) from inbox where event_id = ?::uuid", ceId.toString()))
                .isEqualTo(1);
    }

    @Test
    void unreadableOutcomeIsDeadLetteredAndLaterOutcomesStillApply() {
        String poisonKey = "poison-" + UUID.randomUUID();
        String orderId = place("after poison");
        try (EventProducer producer = producer()) {
            producer.sendRaw(Topic.PAYMENTS.topicName(), poisonKey, EventProducer.headers(
                    "ce_id", UUID.randomUUID().toString(), "ce_type", EventType.PAYMENT_SUCCEEDED_V1.ceType()),
                    "[1, 2".getBytes(StandardCharsets.UTF_8));
            producer.send(succeeded(orderId), UUID.randomUUID(), "outcome-it-after-poison");
        }

        try (TopicReader reader = TopicReader.fromBeginning(bootstrap(), "comanda.payments.orders-service.dlq")) {
            ConsumerRecord<String, String> parked = reader.awaitKey(poisonKey, Duration.ofSeconds(60));
            assertThat(TopicReader.header(parked, "dead-letter-reason")).contains("malformed PaymentSucceeded");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Customers.as(LocalUser.ALICE)
                .get("/orders/" + orderId).then().body("status", equalTo("CONFIRMED")));
    }

    @Test
    void anOutcomeForAnOrderThisServiceNeverHadIsDeadLetteredAndLeavesNoInboxRecord() {
        String unknownOrder = UUID.randomUUID().toString();
        UUID ceId = UUID.randomUUID();
        try (EventProducer producer = producer()) {
            producer.send(succeeded(unknownOrder), ceId, "outcome-it-unknown-order");
        }

        try (TopicReader reader = TopicReader.fromBeginning(bootstrap(), "comanda.payments.orders-service.dlq")) {
            ConsumerRecord<String, String> parked = reader.awaitKey(unknownOrder, Duration.ofSeconds(60));
            assertThat(TopicReader.header(parked, "dead-letter-reason")).contains(unknownOrder);
        }
        // The inbox record rolled back with the failed settlement: a replay after the order exists applies.
        assertThat(TestDatabase.count("select count(*) from inbox where event_id = ?::uuid", ceId.toString())).isZero();
    }
    @Test
    void aCardThatNeededAuthenticationCancelsTheOrderWithStripesSentenceAndAnnouncesTheCode() {
        String orderId = place("to cancel for authentication");
        PaymentFailed authenticationRequired = new PaymentFailed(UUID.randomUUID(), UUID.fromString(orderId),
                Customers.subject(LocalUser.ALICE), Money.of(6048, "EUR"), "authentication_required",
                "Your card was declined. This transaction requires authentication.", Instant.now());
        try (EventProducer producer = producer()) {
            producer.send(authenticationRequired, UUID.randomUUID(), "outcome-it-authentication");
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Customers.as(LocalUser.ALICE)
                .get("/orders/" + orderId).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("declineReason", equalTo("Your card was declined. This transaction requires authentication.")));
        ConsumerRecord<String, String> cancelled = awaitOnOrders(orderId, EventType.ORDER_CANCELLED_V1.ceType());
        assertThat(EventJson.read(cancelled.value().getBytes(StandardCharsets.UTF_8), OrderCancelled.class).declineCode())
                .isEqualTo("authentication_required");
    }

    @Test
    void anOutcomeThatDoesNotMatchItsOrderIsDeadLetteredAsAMismatchAndLeavesTheOrderPending() {
        String orderId = place("to be paid the wrong amount");
        double mismatchesBefore = mismatches();
        UUID ceId = UUID.randomUUID();
        PaymentSucceeded wrongAmount = new PaymentSucceeded(UUID.randomUUID(), UUID.fromString(orderId),
                Customers.subject(LocalUser.ALICE), Money.of(1, "EUR"), "pi_test_forged", Instant.now());
        PaymentSucceeded wrongCustomer = new PaymentSucceeded(UUID.randomUUID(), UUID.fromString(orderId),
                Customers.subject(LocalUser.BOB), Money.of(6048, "EUR"), "pi_test_forged", Instant.now());
        try (EventProducer producer = producer()) {
            producer.send(wrongAmount, ceId, "outcome-it-mismatch");
            producer.send(wrongCustomer, UUID.randomUUID(), "outcome-it-mismatch");
        }

        try (TopicReader reader = TopicReader.fromBeginning(bootstrap(), "comanda.payments.orders-service.dlq")) {
            List<ConsumerRecord<String, String>> parked = reader.readUntil(records -> records.stream()
                    .filter(r -> orderId.equals(r.key())).count() == 2, Duration.ofSeconds(60));
            assertThat(parked.stream().filter(r -> orderId.equals(r.key())))
                    .allSatisfy(r -> assertThat(TopicReader.header(r, "dead-letter-reason")).startsWith("outcome-mismatch"));
        }
        Customers.as(LocalUser.ALICE).get("/orders/" + orderId).then().statusCode(200).body("status", equalTo("PENDING"));
        assertThat(TestDatabase.count("select count(*) from inbox where event_id = ?::uuid", ceId.toString())).isZero();
        assertThat(mismatches()).isEqualTo(mismatchesBefore + 2);

        // The real outcome, with the order's customer and total, still settles it.
        try (EventProducer producer = producer()) {
            producer.send(succeeded(orderId), UUID.randomUUID(), "outcome-it-mismatch");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Customers.as(LocalUser.ALICE)
                .get("/orders/" + orderId).then().statusCode(200).body("status", equalTo("CONFIRMED")));
    }

    private static double mismatches() {
        return MetricSamples.sum(RestAssured.get("/q/metrics").asString(), "comanda_orders_outcome_mismatches_total");
    }

    private static double duplicatesAbsorbed() {
        return MetricSamples.sum(RestAssured.get("/q/metrics").asString(), "comanda_consumer_duplicates_total",
                "consumer=\"orders-service\"");
    }

    private static String place(String note) {
        return Customers.placing(LocalUser.ALICE, Customers.newKey()).body(Customers.espressoOrder(note))
                .post("/orders").then().statusCode(201).extract().path("id");
    }

    private static PaymentFailed failed(String orderId) {
        return new PaymentFailed(UUID.randomUUID(), UUID.fromString(orderId), Customers.subject(LocalUser.ALICE),
                Money.of(6048, "EUR"), "card_declined", "Your card was declined.", Instant.now());
    }

    /** Outcomes of this type that reached an order no longer PENDING, as the service counts them. */
    private static double ignoredTransitions(String ceType) {
        return MetricSamples.sum(RestAssured.get("/q/metrics").asString(), "comanda_orders_ignored_transitions_total",
                "event=\"" + ceType + "\"");
    }
}
