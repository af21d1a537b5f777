package io.comanda.payments;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.MetricSamples;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventType;
import io.comanda.events.OrderPlaced;
import io.comanda.events.Topic;
import io.comanda.devstack.clients.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** However often an order reaches payments-service, and however flaky Stripe is, it is charged once. */
@QuarkusTest
class ExactlyOnceChargeIT {

    @Test
    void theSameRecordDeliveredAgainChargesOnceAndPublishesOneOutcome() {
        OrderPlaced order = Orders.placed("pm_card_visa");
        UUID ceId = UUID.randomUUID();
        try (EventProducer producer = Orders.producer()) {
            producer.send(order, ceId, "twice");
            producer.send(order, ceId, "twice");
            PaymentIT.outcomeOf(order.orderId());

            // Redelivered later, as after a consumer restart before its offset was committed.
            producer.send(order, ceId, "twice");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> consumedEverythingSentSoFar());

        assertThat(Orders.chargesAtStripe(order.orderId())).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from payment where order_id = ?", order.orderId())).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from outbox where aggregateid = ?", order.orderId().toString()))
                .isEqualTo(1);
    }

    @Test
    void rateLimitsRetriedInPlaceAndAmbiguousAnswersResolvedInTheBackgroundChargeEveryOrderExactlyOnce() {
        double retriedBefore = retried();
        long rateLimited;
        List<OrderPlaced> orders = new ArrayList<>();
        // One create after another meets each: a retried create takes the next entry too.
        Orders.stripeFaults(Map.of("script", List.of("rateLimited", "refused500", "rateLimited", "executedThen500",
                "executedThenTimeout", "rateLimited"), "hangMs", 4000));
        try (EventProducer producer = Orders.producer()) {
            for (int i = 0; i < 8; i++) {
                OrderPlaced order = Orders.placed("pm_card_visa");
                orders.add(order);
                producer.send(order, UUID.randomUUID(), "flaky-" + i);
            }
            List<String> keys = orders.stream().map(o -> o.orderId().toString()).toList();
            List<ConsumerRecord<String, String>> outcomes = Orders.readUntil(Topic.PAYMENTS.topicName(),
                    seen -> seen.stream().map(ConsumerRecord::key).toList().containsAll(keys));

            assertThat(outcomes.stream().filter(r -> keys.contains(r.key())))
                    .hasSize(8)
                    .allSatisfy(r -> assertThat(TopicReader.header(r, CloudEventHeaders.TYPE))
                            .isEqualTo(EventType.PAYMENT_SUCCEEDED_V1.ceType()));
            rateLimited = Orders.stripeFaultsInjected("rateLimited");
            assertThat(Orders.stripeFaultsInjected("executedThen500")).isEqualTo(1);
            assertThat(Orders.stripeFaultsInjected("refused500")).isEqualTo(1);
        } finally {
            Orders.noStripeFaults();
        }
        // Each 429 refused a create before it ran: that record alone was retried once, in place.
        assertThat(retried() - retriedBefore).as("records retried in place").isEqualTo(rateLimited);
        for (OrderPlaced order : orders) {
            assertThat(Orders.chargesAtStripe(order.orderId())).as("charges of " + order.orderId()).isEqualTo(1);
            assertThat(TestDatabase.count("select count(*) from payment where order_id = ?", order.orderId())).isEqualTo(1);
        }
    }

    private static double retried() {
        return MetricSamples.sum(io.restassured.RestAssured.get("/q/metrics").asString(),
                "comanda_consumer_retried_total");
    }

    private static boolean consumedEverythingSentSoFar() {
        return Orders.groupCaughtUp("payments-service", Topic.ORDERS.topicName());
    }
}
