package io.comanda.payments;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventJson;
import io.comanda.events.EventType;
import io.comanda.events.OrderPlaced;
import io.comanda.events.PaymentFailed;
import io.comanda.events.PaymentSucceeded;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.comanda.payments.PaymentIT.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stripe's answers that are not an immediate success or decline, as the service meets them through the
 * emulator, with the outcome relayed to {@code comanda.payments} by Debezium: a card that needs
 * authentication, charged off-session, and a payment that stays {@code processing} for a while. The
 * test profile polls a processing PaymentIntent for 2 s at most.
 */
@QuarkusTest
class StripeOutcomesIT {

    @AfterEach
    void defaultProcessingTime() {
        Orders.stripeProcessingTime(Duration.ofSeconds(3));
    }

    @Test
    void aCardThatNeedsAuthenticationIsAPaymentFailedAuthenticationRequiredAndNoCharge() {
        OrderPlaced order = Orders.placed("pm_card_authenticationRequired");
        try (EventProducer producer = Orders.producer()) {
            producer.send(order, UUID.randomUUID(), "stripe-outcomes-authentication");
        }

        ConsumerRecord<String, String> outcome = outcomeOf(order.orderId());

        assertThat(TopicReader.header(outcome, CloudEventHeaders.TYPE)).isEqualTo(EventType.PAYMENT_FAILED_V1.ceType());
        PaymentFailed failed = EventJson.read(outcome.value().getBytes(StandardCharsets.UTF_8), PaymentFailed.class);
        assertThat(failed.declineCode()).isEqualTo("authentication_required");
        assertThat(failed.reason()).isEqualTo("Your card was declined. This transaction requires authentication.");
        assertThat(Orders.chargesAtStripe(order.orderId())).isZero();
        assertThat(TestDatabase.one("select status, decline_code from payment where order_id = ?", order.orderId())
                .orElseThrow()).containsEntry("status", "FAILED").containsEntry("decline_code", "authentication_required");
    }

    @Test
    void aProcessingPaymentIsAPaymentSucceededOnceStripeFinishesItWithOnePaymentIntent() {
        Orders.stripeProcessingTime(Duration.ofMillis(1200));
        OrderPlaced order = Orders.placed("pm_card_processing");
        try (EventProducer producer = Orders.producer()) {
            producer.send(order, UUID.randomUUID(), "stripe-outcomes-processing");
        }

        ConsumerRecord<String, String> outcome = outcomeOf(order.orderId());

        assertSucceededWithItsOnePaymentIntent(order, outcome);
    }

    @Test
    void aPaymentProcessingLongerThanThePollIsRetriedAndFindsTheSamePaymentIntent() {
        // Longer than the test profile's 2 s poll: the first try gives up, the record's retry asks again.
        Orders.stripeProcessingTime(Duration.ofMillis(3500));
        long replaysBefore = Orders.stripeSummary().getLong("replays");
        OrderPlaced order = Orders.placed("pm_card_processing");
        try (EventProducer producer = Orders.producer()) {
            producer.send(order, UUID.randomUUID(), "stripe-outcomes-slow-processing");
        }

        ConsumerRecord<String, String> outcome = outcomeOf(order.orderId());

        assertSucceededWithItsOnePaymentIntent(order, outcome);
        assertThat(Orders.stripeSummary().getLong("replays") - replaysBefore)
                .as("retried creates answered from Stripe's idempotency layer").isPositive();
    }

    private static void assertSucceededWithItsOnePaymentIntent(OrderPlaced order, ConsumerRecord<String, String> outcome) {
        assertThat(TopicReader.header(outcome, CloudEventHeaders.TYPE)).isEqualTo(EventType.PAYMENT_SUCCEEDED_V1.ceType());
        PaymentSucceeded succeeded = EventJson.read(outcome.value().getBytes(StandardCharsets.UTF_8), PaymentSucceeded.class);
        List<Map<String, Object>> intents = Orders.paymentIntentsAtStripe(order.orderId());
        assertThat(intents).singleElement().satisfies(intent -> {
            assertThat(intent).containsEntry("status", "succeeded");
            assertThat(succeeded.providerReference()).isEqualTo(intent.get("id"));
        });
        assertThat(Orders.chargesAtStripe(order.orderId())).isEqualTo(1);
    }
}
