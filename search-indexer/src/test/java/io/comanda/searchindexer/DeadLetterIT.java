package io.comanda.searchindexer;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.EventType;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the indexer cannot read or store is parked with its reason; the records after it still apply. */
@QuarkusTest
class DeadLetterIT {

    private static final String DLQ = "comanda.orders.search-indexer.dlq";

    @Test
    void unreadableRecordsAreDeadLetteredAndTheirPartitionKeepsFlowing() {
        OrderPlaced after = OrderEvents.placed(UUID.randomUUID(), "after-poison-" + UUID.randomUUID(), "after poison");
        String key = after.aggregateId();
        String malformedId = UUID.randomUUID().toString();
        String unknownId = UUID.randomUUID().toString();
        try (EventProducer producer = OrderEvents.producer()) {
            // The same key as the good event: the same partition, before it.
            producer.sendRaw("comanda.orders", key, EventProducer.headers("ce_id", malformedId,
                    "ce_type", EventType.ORDER_PLACED_V1.ceType()), "{\"orderId\": \"not json".getBytes(StandardCharsets.UTF_8));
            producer.sendRaw("comanda.orders", key, EventProducer.headers("ce_id", unknownId,
                    "ce_type", "io.comanda.order.teleported.v1"), "{}".getBytes(StandardCharsets.UTF_8));
            producer.send(after, UUID.randomUUID(), "after-poison");
        }

        List<ConsumerRecord<String, String>> parked = parkedWithIds(malformedId, unknownId);
        assertThat(TopicReader.header(parked.get(0), "dead-letter-reason")).contains("malformed OrderPlaced");
        assertThat(TopicReader.header(parked.get(0), "dead-letter-topic")).isEqualTo("comanda.orders");
        assertThat(parked.get(0).value()).isEqualTo("{\"orderId\": \"not json");
        assertThat(TopicReader.header(parked.get(1), "dead-letter-reason")).contains("io.comanda.order.teleported.v1");
        await().atMost(Duration.ofSeconds(10)).until(() -> indexed(after));
    }

    @Test
    void aDocumentTheDatabaseRefusesIsDeadLetteredWhileItsBatchNeighboursApply() {
        OrderPlaced before = OrderEvents.placed(UUID.randomUUID(), "neighbour-" + UUID.randomUUID(), "before");
        OrderPlaced refused = OrderEvents.placed(UUID.randomUUID(), "refused-" + UUID.randomUUID(), "nul \u0000 inside");
        OrderPlaced after = OrderEvents.placed(UUID.randomUUID(), "neighbour-" + UUID.randomUUID(), "after");
        List<UUID> ids = OrderEvents.publish(before, refused, after);

        ConsumerRecord<String, String> parked = parkedWithIds(ids.get(1).toString()).get(0);
        assertThat(TopicReader.header(parked, "dead-letter-reason")).contains("the database refuses the document of order "
                + refused.orderId());
        await().atMost(Duration.ofSeconds(10)).until(() -> indexed(before) && indexed(after));
        assertThat(indexed(refused)).isFalse();
    }

    @Test
    void theDeadLetterTopicHasTheSourcePartitionCount() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, OrderEvents.bootstrap()))) {
            assertThat(admin.describeTopics(List.of(DLQ)).allTopicNames().get().get(DLQ).partitions()).hasSize(3);
        }
    }

    /** The dead letters with these {@code ce_id}s, in the order of the ids. */
    private static List<ConsumerRecord<String, String>> parkedWithIds(String... ceIds) {
        try (TopicReader reader = TopicReader.fromBeginning(OrderEvents.bootstrap(), DLQ)) {
            List<ConsumerRecord<String, String>> seen = reader.readUntil(records -> List.of(ceIds).stream().allMatch(id ->
                    records.stream().anyMatch(r -> id.equals(TopicReader.header(r, "ce_id")))), Duration.ofSeconds(60));
            return List.of(ceIds).stream().map(id -> seen.stream()
                    .filter(r -> id.equals(TopicReader.header(r, "ce_id"))).findFirst().orElseThrow()).toList();
        }
    }

    private static boolean indexed(OrderPlaced placed) {
        return TestDatabase.count("select count(*) from order_documents where order_id = ?::uuid", placed.aggregateId()) == 1;
    }
}
