package io.comanda.payments;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.events.EventType;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What payments-service cannot read is parked with its reason, and the orders after it are still paid. */
@QuarkusTest
class DeadLetterIT {

    private static final String DLQ = "comanda.orders.payments-service.dlq";

    @Test
    void poisonAndUnknownTypeAreDeadLetteredWhileLaterOrdersAreCharged() {
        String poisonKey = "poison-" + UUID.randomUUID();
        String unknownKey = "unknown-" + UUID.randomUUID();
        OrderPlaced after = Orders.placed("pm_card_visa");
        try (EventProducer producer = Orders.producer()) {
            producer.sendRaw("comanda.orders", poisonKey, EventProducer.headers("ce_id", UUID.randomUUID().toString(),
                    "ce_type", EventType.ORDER_PLACED_V1.ceType()), "{\"orderId\": \"not json".getBytes(StandardCharsets.UTF_8));
            producer.sendRaw("comanda.orders", unknownKey, EventProducer.headers("ce_id", UUID.randomUUID().toString(),
                    "ce_type", "io.comanda.order.teleported.v1"), "{}".getBytes(StandardCharsets.UTF_8));
            producer.send(after, UUID.randomUUID(), "after-poison");
        }

        List<ConsumerRecord<String, String>> parked = Orders.readUntil(DLQ, seen -> seen.stream()
                .map(ConsumerRecord::key).toList().containsAll(List.of(poisonKey, unknownKey)));

        ConsumerRecord<String, String> poison = parked.stream().filter(r -> poisonKey.equals(r.key())).findFirst().orElseThrow();
        assertThat(TopicReader.header(poison, "dead-letter-reason")).contains("malformed OrderPlaced");
        assertThat(TopicReader.header(poison, "dead-letter-topic")).isEqualTo("comanda.orders");
        assertThat(TopicReader.header(poison, "dead-letter-offset")).isNotBlank();
        assertThat(poison.value()).isEqualTo("{\"orderId\": \"not json");
        ConsumerRecord<String, String> unknown = parked.stream().filter(r -> unknownKey.equals(r.key())).findFirst().orElseThrow();
        assertThat(TopicReader.header(unknown, "dead-letter-reason")).contains("io.comanda.order.teleported.v1");

        PaymentIT.outcomeOf(after.orderId());
        assertThat(Orders.chargesAtStripe(after.orderId())).isEqualTo(1);
    }

    @Test
    void theDeadLetterTopicExistsWithTheSourcePartitionCount() throws Exception {
        // A batch channel retries in place, so it has no delayed-retry topics; its dead-letter topic keeps
        // a parked record on the partition number it came from.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Orders.bootstrap()))) {
            var topics = admin.describeTopics(List.of(DLQ)).allTopicNames().get();
            assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(3));
        }
    }
}
