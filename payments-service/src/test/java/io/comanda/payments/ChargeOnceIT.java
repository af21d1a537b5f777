package io.comanda.payments;

import io.comanda.devstack.EventProducer;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.OrderPlaced;
import io.comanda.events.Topic;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An order is charged once even when it comes back after Stripe has forgotten its idempotency keys:
 * its PaymentIntent is recorded before it is confirmed, and a redelivery resumes it.
 */
@QuarkusTest
class ChargeOnceIT {

    @AfterEach
    void stripeAsUsual() {
        Orders.stripeKeyTtl(Duration.ofHours(24));
        Orders.noStripeFaults();
    }

    @Test
    void thePaymentIntentIsRecordedBeforeItIsConfirmedAndIsThePaymentsReference() {
        OrderPlaced order = Orders.placed("pm_card_visa");
        try (EventProducer producer = Orders.producer()) {
            producer.send(order, UUID.randomUUID(), "charge-once-recorded");
        }
        PaymentIT.outcomeOf(order.orderId());

        String recorded = TestDatabase.one("select payment_intent_id from charge_attempt where order_id = ?",
                order.orderId()).orElseThrow().get("payment_intent_id");
        assertThat(recorded).startsWith("pi_").isEqualTo(TestDatabase.one(
                "select provider_reference from payment where order_id = ?", order.orderId()).orElseThrow()
                .get("provider_reference"));
        assertThat(Orders.paymentIntentsAtStripe(order.orderId())).hasSize(1);
    }

    @Test
    void anOrderRedeliveredAfterACrashPastTheKeyWindowResumesItsPaymentIntentAndIsChargedOnce() {
        OrderPlaced order = Orders.placed("pm_card_visa");
        // What a crash leaves between Stripe's answer and the payment row: the PaymentIntent recorded and
        // confirmed, money taken, and no payment, inbox row nor outcome event.
        String paymentIntentId = chargedAtStripeAsBeforeTheCrash(order);
        TestDatabase.update("insert into charge_attempt (order_id, generation, payment_intent_id) values (?, 1, ?)",
                order.orderId(), paymentIntentId);
        // Past Stripe's 24 h: every idempotency key of that attempt is forgotten.
        Orders.stripeKeyTtl(Duration.ofMillis(1));

        try (EventProducer producer = Orders.producer()) {
            producer.send(order, UUID.randomUUID(), "charge-once-redelivered");
        }
        ConsumerRecord<String, String> outcome = PaymentIT.outcomeOf(order.orderId());

        assertThat(outcome.value()).contains(paymentIntentId);
        assertThat(Orders.chargesAtStripe(order.orderId())).isEqualTo(1);
        assertThat(Orders.paymentIntentsAtStripe(order.orderId())).hasSize(1);
        assertThat(TestDatabase.count("select count(*) from payment where order_id = ?", order.orderId())).isEqualTo(1);
        assertThat(outcomesOf(order.orderId())).hasSize(1);
    }

    @Test
    void aServerErrorStripeStoredForTheOpeningKeyDoesNotBlockTheOrder() {
        OrderPlaced order = Orders.placed("pm_card_visa");
        Orders.failNextStripeRequestsStored(1);

        try (EventProducer producer = Orders.producer()) {
            producer.send(order, UUID.randomUUID(), "charge-once-stored-500");
        }
        PaymentIT.outcomeOf(order.orderId());

        assertThat(TestDatabase.one("select generation from charge_attempt where order_id = ?", order.orderId())
                .orElseThrow().get("generation")).isEqualTo("2");
        assertThat(Orders.chargesAtStripe(order.orderId())).isEqualTo(1);
        assertThat(TestDatabase.one("select status from payment where order_id = ?", order.orderId()).orElseThrow()
                .get("status")).isEqualTo("SUCCEEDED");
    }

    /** Opens and confirms the order's PaymentIntent at the emulator as the service would have. */
    private static String chargedAtStripeAsBeforeTheCrash(OrderPlaced order) {
        String id = Orders.stripeApi().header("Idempotency-Key", "comanda-order-" + order.orderId() + "-open-1")
                .formParam("amount", order.total().amount()).formParam("currency", "eur")
                .formParam("payment_method", order.paymentMethod())
                .formParam("metadata[order_id]", order.orderId().toString())
                .post("/v1/payment_intents").then().statusCode(200).extract().jsonPath().getString("id");
        Orders.stripeApi().formParam("off_session", "true").post("/v1/payment_intents/" + id + "/confirm")
                .then().statusCode(200);
        assertThat(Orders.chargesAtStripe(order.orderId())).isEqualTo(1);
        return id;
    }

    private static List<ConsumerRecord<String, String>> outcomesOf(UUID orderId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Orders.groupCaughtUp("payments-service", Topic.ORDERS.topicName()));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from outbox where aggregateid = ?", orderId.toString()) == 1);
        return Orders.readUntil(Topic.PAYMENTS.topicName(),
                        seen -> seen.stream().anyMatch(r -> orderId.toString().equals(r.key())))
                .stream().filter(r -> orderId.toString().equals(r.key())).toList();
    }
}
