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
import io.comanda.events.Topic;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class PaymentIT {

    @Test
    void chargesAVisaOrderAndPublishesPaymentSucceededWithTheFlowsCorrelationId() {
        OrderPlaced order = Orders.placed("pm_card_visa");
        try (EventProducer producer = Orders.producer()) {
            producer.send(order, UUID.randomUUID(), "payment-it-visa");
        }

        ConsumerRecord<String, String> outcome = outcomeOf(order.orderId());

        assertThat(TopicReader.header(outcome, CloudEventHeaders.TYPE)).isEqualTo(EventType.PAYMENT_SUCCEEDED_V1.ceType());
        assertThat(TopicReader.header(outcome, CloudEventHeaders.CORRELATION_ID)).isEqualTo("payment-it-visa");
        assertThat(TopicReader.header(outcome, CloudEventHeaders.SOURCE)).isEqualTo("/comanda/payments-service");
        PaymentSucceeded succeeded = EventJson.read(outcome.value().getBytes(StandardCharsets.UTF_8), PaymentSucceeded.class);
        assertThat(succeeded.amount()).isEqualTo(order.total());
        assertThat(succeeded.providerReference()).startsWith("pi_");
        assertThat(Orders.chargesAtStripe(order.orderId())).isEqualTo(1);
        assertThat(TestDatabase.one("select status from payment where order_id = ?", order.orderId()).orElseThrow()
                .get("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void outcomeCarriesTheTraceOfTheOrderItPays() {
        OrderPlaced order = Orders.placed("pm_card_visa");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        try (EventProducer producer = Orders.producer()) {
            producer.send(order, UUID.randomUUID(), "payment-it-trace", "00-" + traceId + "-00f067aa0ba902b7-01");
        }

        ConsumerRecord<String, String> outcome = outcomeOf(order.orderId());

        assertThat(TopicReader.header(outcome, CloudEventHeaders.TRACEPARENT)).startsWith("00-" + traceId + "-")
                .doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void declinedCardIsAPaymentFailedWithItsDeclineCodeNotAnError() {
        OrderPlaced order = Orders.placed("pm_card_chargeDeclinedInsufficientFunds");
        try (EventProducer producer = Orders.producer()) {
            producer.send(order, UUID.randomUUID(), "payment-it-declined");
        }

        ConsumerRecord<String, String> outcome = outcomeOf(order.orderId());

        assertThat(TopicReader.header(outcome, CloudEventHeaders.TYPE)).isEqualTo(EventType.PAYMENT_FAILED_V1.ceType());
        PaymentFailed failed = EventJson.read(outcome.value().getBytes(StandardCharsets.UTF_8), PaymentFailed.class);
        assertThat(failed.declineCode()).isEqualTo("insufficient_funds");
        assertThat(failed.reason()).isNotBlank();
        assertThat(Orders.chargesAtStripe(order.orderId())).isZero();
    }

    static ConsumerRecord<String, String> outcomeOf(UUID orderId) {
        List<ConsumerRecord<String, String>> records = Orders.readUntil(Topic.PAYMENTS.topicName(),
                seen -> seen.stream().anyMatch(r -> orderId.toString().equals(r.key())));
        return records.stream().filter(r -> orderId.toString().equals(r.key())).findFirst().orElseThrow();
    }
}
