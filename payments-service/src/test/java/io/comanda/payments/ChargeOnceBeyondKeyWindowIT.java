package io.comanda.payments;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventType;
import io.comanda.events.OrderPlaced;
import io.comanda.events.Topic;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An order is charged once even when it comes back after Stripe has forgotten its idempotency key. A day
 * is played in seconds: the emulator keeps keys for one second instead of 24 h, and the service trusts a
 * key for half a second instead of 23 h.
 */
@QuarkusTest
@TestProfile(ChargeOnceBeyondKeyWindowIT.ShortKeyWindow.class)
class ChargeOnceBeyondKeyWindowIT {

    private static final Duration STRIPE_KEY_TTL = Duration.ofSeconds(1);

    /** The service's idempotency window, shorter than the emulator's key TTL as 23 h is shorter than 24 h. */
    public static class ShortKeyWindow implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("comanda.stripe.idempotency-key-window", "500ms");
        }
    }

    // A crash between the Stripe call and the payment row, for the orders listed: their payment row cannot
    // be written, so each try charges (or finds the charge) and then loses its work, until the test lets it.
    @BeforeAll
    static void paymentRowsCanBeLost() {
        TestDatabase.update("create table if not exists lost_payment (order_id uuid primary key)");
        TestDatabase.update("""
                create or replace function lose_payment() returns trigger language plpgsql as $$
                begin
                    if exists (select 1 from lost_payment where order_id = new.order_id) then
                        raise exception 'the payment row of order % is lost, as in a crash', new.order_id;
                    end if;
                    return new;
                end $$""");
        TestDatabase.update("drop trigger if exists lose_payment on payment");
        TestDatabase.update("create trigger lose_payment before insert on payment "
                + "for each row execute function lose_payment()");
    }

    @AfterAll
    static void paymentRowsAreKeptAgain() {
        TestDatabase.update("drop trigger if exists lose_payment on payment");
        TestDatabase.update("drop function if exists lose_payment()");
        TestDatabase.update("drop table if exists lost_payment");
    }

    @AfterEach
    void stripeAsUsual() {
        Orders.noStripeFaults();
        Orders.stripeIdempotencyKeyTtl(Duration.ofHours(24));
    }

    @Test
    void anOrderWhosePaymentRowWasLostComingBackAfterStripeForgotItsKeyAdoptsItsChargeInsteadOfChargingAgain() {
        Orders.stripeIdempotencyKeyTtl(STRIPE_KEY_TTL);
        OrderPlaced order = Orders.placed("pm_card_visa");
        TestDatabase.update("insert into lost_payment (order_id) values (?)", order.orderId());
        send(order, "lost-row");

        await().atMost(Duration.ofSeconds(30)).until(() -> Orders.chargesAtStripe(order.orderId()) == 1);
        // Tries come back while the key is older than Stripe keeps it: a second create would charge again.
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from charge_attempt "
                + "where order_id = ? and key_first_used_at < now() - interval '2 seconds'", order.orderId()) == 1);
        assertThat(TestDatabase.count("select count(*) from payment where order_id = ?", order.orderId())).isZero();
        TestDatabase.update("delete from lost_payment where order_id = ?", order.orderId());

        ConsumerRecord<String, String> outcome = onlyOutcomeOf(order);

        assertThat(TopicReader.header(outcome, CloudEventHeaders.TYPE)).isEqualTo(EventType.PAYMENT_SUCCEEDED_V1.ceType());
        List<Map<String, Object>> intents = Orders.paymentIntentsAtStripe(order.orderId());
        assertThat(intents).hasSize(1);
        assertThat(Orders.chargesAtStripe(order.orderId())).isEqualTo(1);
        assertThat(TestDatabase.one("select provider_reference from payment where order_id = ?", order.orderId())
                .orElseThrow().get("provider_reference")).isEqualTo(intents.get(0).get("id"));
        assertThat(keyOf(order)).isEqualTo("comanda-order-" + order.orderId());
    }

    @Test
    void anOrderWhoseKeyHoldsAStored500IsChargedOnceUnderItsNextKeyGeneration() {
        // The next API request, the order's create, fails with a 500 that Stripe stores under its key.
        Orders.failNextStripeRequests(1);
        OrderPlaced order = Orders.placed("pm_card_visa");
        send(order, "stored-500");

        ConsumerRecord<String, String> outcome = onlyOutcomeOf(order);

        assertThat(TopicReader.header(outcome, CloudEventHeaders.TYPE)).isEqualTo(EventType.PAYMENT_SUCCEEDED_V1.ceType());
        assertThat(Orders.scriptedStripeFailuresLeft()).isZero();
        assertThat(Orders.paymentIntentsAtStripe(order.orderId())).hasSize(1);
        assertThat(Orders.chargesAtStripe(order.orderId())).isEqualTo(1);
        assertThat(keyOf(order)).isEqualTo("comanda-order-" + order.orderId() + "/2");
        assertThat(TestDatabase.count("select count(*) from charge_attempt where order_id = ? "
                + "and indeterminate_since is null", order.orderId())).isEqualTo(1);
    }

    private static void send(OrderPlaced order, String correlationId) {
        try (EventProducer producer = Orders.producer()) {
            producer.send(order, UUID.randomUUID(), correlationId);
        }
    }

    /** The order's outcome on comanda.payments, once the group has consumed everything: there is one. */
    private static ConsumerRecord<String, String> onlyOutcomeOf(OrderPlaced order) {
        PaymentIT.outcomeOf(order.orderId());
        await().atMost(Duration.ofSeconds(60)).until(() -> Orders.groupCaughtUp("payments-service",
                Topic.ORDERS.topicName()));
        List<ConsumerRecord<String, String>> outcomes = Orders.readUntil(Topic.PAYMENTS.topicName(),
                        seen -> seen.stream().anyMatch(r -> order.orderId().toString().equals(r.key())))
                .stream().filter(r -> order.orderId().toString().equals(r.key())).toList();
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    private static String keyOf(OrderPlaced order) {
        return TestDatabase.one("select idempotency_key from charge_attempt where order_id = ?", order.orderId())
                .orElseThrow().get("idempotency_key");
    }
}
