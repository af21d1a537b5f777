package io.comanda.payments;

import io.comanda.devstack.clients.MetricSamples;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventType;
import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import io.comanda.events.Topic;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * payments-service consumes comanda.orders in batches: what one record of a batch needs (dead-lettering,
 * a retry) happens to that record alone, and a batch delivered again charges nothing again. Each test
 * publishes its records under one key in one producer batch, so they reach one partition together and
 * the consumer polls them as one batch.
 */
@QuarkusTest
class BatchPaymentIT {

    private static final String DLQ = "comanda.orders.payments-service.dlq";

    @Test
    void aRecordTheProviderRefusesForGoodEndsAsADeclineAndAMalformedOneIsDeadLetteredWhileTheOthersAreCharged() {
        List<OrderPlaced> good = List.of(Orders.placed("pm_card_visa"), Orders.placed("pm_card_visa"),
                Orders.placed("pm_card_visa"));
        // Stripe refuses an amount of zero: a request retrying cannot mend.
        OrderPlaced refused = new OrderPlaced(UUID.randomUUID(), "customer-" + UUID.randomUUID(),
                List.of(new LineItem("ESPRESSO-250G", 1, Money.of(0, "EUR"))), Money.of(0, "EUR"), "pm_card_visa",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        String key = "batch-poison-" + UUID.randomUUID();
        try (OneBatch batch = new OneBatch(Orders.bootstrap(), key)) {
            batch.add(good.get(0), UUID.randomUUID());
            batch.add(refused, UUID.randomUUID());
            batch.addRaw("{\"orderId\": \"not json".getBytes(StandardCharsets.UTF_8));
            batch.add(good.get(1), UUID.randomUUID());
            batch.add(good.get(2), UUID.randomUUID());
        }

        List<ConsumerRecord<String, String>> parked = Orders.readUntil(DLQ, seen -> reasonsOf(seen, key).stream()
                .anyMatch(reason -> reason.contains("malformed OrderPlaced")));

        assertThat(reasonsOf(parked, key)).allSatisfy(reason -> assertThat(reason).contains("malformed OrderPlaced"));
        for (OrderPlaced order : good) {
            PaymentIT.outcomeOf(order.orderId());
            assertThat(Orders.chargesAtStripe(order.orderId())).isEqualTo(1);
        }
        // A customer's order Stripe refuses for good ends as a decline, with Stripe's sentence: never a dead letter.
        ConsumerRecord<String, String> outcome = PaymentIT.outcomeOf(refused.orderId());
        assertThat(TopicReader.header(outcome, CloudEventHeaders.TYPE)).isEqualTo(EventType.PAYMENT_FAILED_V1.ceType());
        assertThat(outcome.value()).contains("The payment could not be made");
        assertThat(Orders.chargesAtStripe(refused.orderId())).isZero();
    }

    @Test
    void aTransientFailureOfOneRecordRetriesThatRecordAloneAndChargesEveryOrderOnce() {
        double retriedBefore = retried();
        long replaysBefore = stripeReplays();
        List<OrderPlaced> orders = new ArrayList<>();
        // A 429 refuses the first create before it runs: the record is retried in place, alone.
        Orders.stripeFaults(Map.of("script", List.of("rateLimited")));
        try (OneBatch batch = new OneBatch(Orders.bootstrap(), "batch-flaky-" + UUID.randomUUID())) {
            for (int i = 0; i < 5; i++) {
                OrderPlaced order = Orders.placed("pm_card_visa");
                orders.add(order);
                batch.add(order, UUID.randomUUID());
            }
        } finally {
            await().atMost(Duration.ofSeconds(60)).until(() -> Orders.stripeFaultsInjected("rateLimited") == 1);
            Orders.noStripeFaults();
        }

        orders.forEach(order -> PaymentIT.outcomeOf(order.orderId()));

        assertThat(retried() - retriedBefore).as("records retried").isEqualTo(1);
        // The four charged at the first attempt were not asked for again.
        assertThat(stripeReplays() - replaysBefore).as("requests Stripe answered from its idempotency layer").isZero();
        for (OrderPlaced order : orders) {
            assertThat(Orders.chargesAtStripe(order.orderId())).isEqualTo(1);
            assertThat(TestDatabase.count("select count(*) from payment where order_id = ?", order.orderId())).isEqualTo(1);
        }
    }

    @Test
    void aWholeBatchDeliveredAgainChargesNothingAndPublishesNothingAgain() {
        List<OrderPlaced> orders = new ArrayList<>();
        List<UUID> ceIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            orders.add(Orders.placed("pm_card_visa"));
            ceIds.add(UUID.randomUUID());
        }
        String key = "batch-again-" + UUID.randomUUID();
        sendAll(key, orders, ceIds);
        orders.forEach(order -> PaymentIT.outcomeOf(order.orderId()));
        long intentsBefore = stripePaymentIntents();
        long replaysBefore = stripeReplays();
        double duplicatesBefore = duplicatesAbsorbed();

        // As after a consumer restart before its offsets were committed.
        sendAll(key, orders, ceIds);
        await().atMost(Duration.ofSeconds(60)).until(() -> Orders.groupCaughtUp("payments-service", Topic.ORDERS.topicName()));
        assertThat(duplicatesAbsorbed()).as("redeliveries the inbox absorbed, counted").isEqualTo(duplicatesBefore + 5);

        assertThat(stripePaymentIntents()).isEqualTo(intentsBefore);
        assertThat(stripeReplays()).as("not even asked again").isEqualTo(replaysBefore);
        for (OrderPlaced order : orders) {
            assertThat(Orders.chargesAtStripe(order.orderId())).isEqualTo(1);
            assertThat(TestDatabase.count("select count(*) from payment where order_id = ?", order.orderId())).isEqualTo(1);
            assertThat(TestDatabase.count("select count(*) from outbox where aggregateid = ?", order.orderId().toString()))
                    .isEqualTo(1);
        }
    }

    private static void sendAll(String key, List<OrderPlaced> orders, List<UUID> ceIds) {
        try (OneBatch batch = new OneBatch(Orders.bootstrap(), key)) {
            for (int i = 0; i < orders.size(); i++) {
                batch.add(orders.get(i), ceIds.get(i));
            }
        }
    }

    private static double retried() {
        return MetricSamples.sum(RestAssured.get("/q/metrics").asString(), "comanda_consumer_retried_total");
    }

    private static double duplicatesAbsorbed() {
        return MetricSamples.sum(RestAssured.get("/q/metrics").asString(), "comanda_consumer_duplicates_total",
                "consumer=\"payments-service\"");
    }

    private static long stripeReplays() {
        return Orders.stripeSummary().getLong("replays");
    }

    private static long stripePaymentIntents() {
        return Orders.stripeSummary().getLong("paymentIntents");
    }

    private static List<String> reasonsOf(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key()))
                .map(r -> TopicReader.header(r, "dead-letter-reason")).toList();
    }
}
