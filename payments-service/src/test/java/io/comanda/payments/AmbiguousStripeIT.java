package io.comanda.payments;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.ComandaEvent;
import io.comanda.events.EventType;
import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderCancelled;
import io.comanda.events.OrderPlaced;
import io.comanda.events.Topic;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly one charge per order against a Stripe that answers like the real one, with production's
 * settings (a 23 h key window, a search that lags a minute): a create executed then answered 500, one
 * executed and never answered in time (a 409 while it still runs), a 500 stored before anything ran, and
 * a database restored without the order's rows after Stripe forgot its key; and an order an operator
 * cancelled, refunded once. Each ends with one succeeded, unrefunded charge per charged order and none
 * per cancelled one, read from the emulator's ledger.
 */
@QuarkusTest
class AmbiguousStripeIT {

    private static final Duration SETTLED = Duration.ofSeconds(60);

    @AfterEach
    void stripeAsUsual() {
        Orders.noStripeFaults();
    }

    @Test
    void aCreateExecutedThenAnswered500IsFoundInTheListingAndAdoptedNotChargedAgain() {
        Orders.stripeFaults(Map.of("script", List.of("executedThen500")));
        OrderPlaced order = Orders.placed("pm_card_visa");
        send(order, "executed-then-500");

        ConsumerRecord<String, String> outcome = onlyOutcomeOf(order);

        assertThat(TopicReader.header(outcome, CloudEventHeaders.TYPE)).isEqualTo(EventType.PAYMENT_SUCCEEDED_V1.ceType());
        assertThat(Orders.paymentIntentsAtStripe(order.orderId())).hasSize(1);
        assertThat(Orders.unrefundedChargesAtStripe(order.orderId())).isEqualTo(1);
        assertThat(keyOf(order)).isEqualTo("comanda-order-" + order.orderId());
        assertThat(unresolvedCount(order)).isZero();
    }

    @Test
    void aCreateWithoutAnAnswerInTimeIsAskedAgainUnderItsKeyThrough409sUntilItsTrueResult() {
        Orders.stripeFaults(Map.of("script", List.of("executedThenTimeout"), "hangMs", 8000));
        OrderPlaced order = Orders.placed("pm_card_visa");
        send(order, "executed-then-timeout");

        await().atMost(Duration.ofSeconds(10)).until(() -> unresolvedCount(order) == 1);
        ConsumerRecord<String, String> outcome = onlyOutcomeOf(order);

        assertThat(TopicReader.header(outcome, CloudEventHeaders.TYPE)).isEqualTo(EventType.PAYMENT_SUCCEEDED_V1.ceType());
        assertThat(Orders.paymentIntentsAtStripe(order.orderId())).hasSize(1);
        assertThat(Orders.unrefundedChargesAtStripe(order.orderId())).isEqualTo(1);
        assertThat(keyOf(order)).isEqualTo("comanda-order-" + order.orderId());
    }

    @Test
    void a500StoredBeforeAnythingRanFindsNothingInTheListingAndChargesOnceUnderTheNextKey() {
        Orders.stripeFaults(Map.of("script", List.of("refused500")));
        OrderPlaced order = Orders.placed("pm_card_visa");
        send(order, "refused-500");

        ConsumerRecord<String, String> outcome = onlyOutcomeOf(order);

        assertThat(TopicReader.header(outcome, CloudEventHeaders.TYPE)).isEqualTo(EventType.PAYMENT_SUCCEEDED_V1.ceType());
        assertThat(Orders.paymentIntentsAtStripe(order.orderId())).hasSize(1);
        assertThat(Orders.unrefundedChargesAtStripe(order.orderId())).isEqualTo(1);
        assertThat(keyOf(order)).isEqualTo("comanda-order-" + order.orderId() + "/2");
    }

    @Test
    void theOrdersBehindAnUnansweredChargeOnItsPartitionAreChargedWithoutWaitingForIt() {
        Orders.stripeFaults(Map.of("script", List.of("executedThenTimeout"), "hangMs", 30_000));
        OrderPlaced stuck = Orders.placed("pm_card_visa");
        List<OrderPlaced> behind = new ArrayList<>();
        while (behind.size() < 10) {
            OrderPlaced next = Orders.placed("pm_card_visa");
            if (partitionOf(next) == partitionOf(stuck)) {
                behind.add(next);
            }
        }
        send(stuck, "stuck");
        behind.forEach(order -> send(order, "behind-the-stuck-one"));

        await().atMost(Duration.ofSeconds(20)).until(() -> behind.stream()
                .allMatch(order -> TestDatabase.count("select count(*) from payment where order_id = ?", order.orderId()) == 1));
        assertThat(TestDatabase.count("select count(*) from payment where order_id = ?", stuck.orderId())).isZero();
        assertThat(unresolvedCount(stuck)).isEqualTo(1);

        onlyOutcomeOf(stuck);
        assertThat(Orders.unrefundedChargesAtStripe(stuck.orderId())).isEqualTo(1);
        assertThat(behind).allSatisfy(order -> assertThat(Orders.unrefundedChargesAtStripe(order.orderId())).isEqualTo(1));
    }

    @Test
    void anOrderRedeliveredAfterARestoreLostItsRowsAndStripeForgotItsKeyAdoptsItsChargeInsteadOfChargingAgain() {
        // Placed 25 h ago and charged then; the database restored from a backup older than the charge, and
        // Stripe has pruned the key. Under the key again, Stripe would create a second charge.
        OrderPlaced order = placedAt(Instant.now().minus(Duration.ofHours(25)));
        String earlier = Orders.chargeAtStripe(order);
        Orders.forgetStripeKeys("comanda-order-" + order.orderId());

        send(order, "after-restore");
        ConsumerRecord<String, String> outcome = onlyOutcomeOf(order);

        assertThat(TopicReader.header(outcome, CloudEventHeaders.TYPE)).isEqualTo(EventType.PAYMENT_SUCCEEDED_V1.ceType());
        assertThat(Orders.paymentIntentsAtStripe(order.orderId())).hasSize(1);
        assertThat(Orders.unrefundedChargesAtStripe(order.orderId())).isEqualTo(1);
        assertThat(TestDatabase.one("select provider_reference from payment where order_id = ?", order.orderId())
                .orElseThrow().get("provider_reference")).isEqualTo(earlier);
    }

    @Test
    void aChargedOrderCancelledByAnOperatorIsRefundedOnceAndKeepsItsOneCharge() {
        OrderPlaced order = Orders.placed("pm_card_visa");
        send(order, "cancelled-after-charge");
        onlyOutcomeOf(order);

        OrderCancelled cancelled = cancellation(order);
        send(cancelled, "operator-cancel");
        send(cancelled, "operator-cancel-again");

        await().atMost(SETTLED).until(() -> Orders.unrefundedChargesAtStripe(order.orderId()) == 0);
        await().atMost(SETTLED).until(() -> TestDatabase.count("select count(*) from payment where order_id = ? "
                + "and refund_reference is not null", order.orderId()) == 1);
        assertThat(Orders.chargesAtStripe(order.orderId())).isEqualTo(1);
        assertThat(Orders.stripeRefunds(order.orderId())).isEqualTo(1);
    }

    @Test
    void anOrderCancelledWhileItsChargeIsUnresolvedIsRefundedOnceTheChargeIsFound() {
        Orders.stripeFaults(Map.of("script", List.of("executedThenTimeout"), "hangMs", 8000));
        OrderPlaced order = Orders.placed("pm_card_visa");
        send(order, "cancelled-while-unresolved");
        await().atMost(Duration.ofSeconds(10)).until(() -> unresolvedCount(order) == 1);

        send(cancellation(order), "operator-cancel");

        await().atMost(SETTLED).until(() -> TestDatabase.count("select count(*) from payment where order_id = ? "
                + "and refund_reference is not null", order.orderId()) == 1);
        assertThat(Orders.paymentIntentsAtStripe(order.orderId())).hasSize(1);
        assertThat(Orders.unrefundedChargesAtStripe(order.orderId())).isZero();
    }

    private static OrderCancelled cancellation(OrderPlaced order) {
        return new OrderCancelled(order.orderId(), order.customerId(), "cancelled_by_operator",
                "Cancelled by an operator: the customer asked", Instant.now(), 2L);
    }

    private static OrderPlaced placedAt(Instant placedAt) {
        return new OrderPlaced(UUID.randomUUID(), "customer-" + UUID.randomUUID(),
                List.of(new LineItem("ESPRESSO-250G", 2, Money.of(1299, "EUR"))), Money.of(2598, "EUR"),
                "pm_card_visa", placedAt.truncatedTo(ChronoUnit.MICROS));
    }

    private static int partitionOf(OrderPlaced order) {
        return BuiltInPartitioner.partitionForKey(order.orderId().toString().getBytes(StandardCharsets.UTF_8), 3);
    }

    private static void send(ComandaEvent order, String correlationId) {
        try (EventProducer producer = Orders.producer()) {
            producer.send(order, UUID.randomUUID(), correlationId);
        }
    }

    private static long unresolvedCount(OrderPlaced order) {
        return TestDatabase.count("select count(*) from charge_attempt where order_id = ? and unresolved is not null",
                order.orderId());
    }

    /** The order's outcome on comanda.payments, once it is settled: there is one. */
    static ConsumerRecord<String, String> onlyOutcomeOf(OrderPlaced order) {
        await().atMost(SETTLED).until(() ->
                TestDatabase.count("select count(*) from payment where order_id = ?", order.orderId()) == 1);
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
