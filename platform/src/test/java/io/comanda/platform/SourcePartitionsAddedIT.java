package io.comanda.platform;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import io.comanda.events.Topic;
import io.comanda.platform.messaging.DeadLetters;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Partitions added to a source topic: the channel's retry, dead-letter and replay topics are grown to match
 * by the platform's periodic check ({@code comanda.kafka.topics.check-every}), and a record of the new
 * partition that keeps failing still goes through its retries to the dead-letter topic. A dead letter of a
 * partition its topic lacks is parked all the same, on a partition its key chooses.
 */
@QuarkusTest
class SourcePartitionsAddedIT {

    private static final String PREFIX = Topic.ORDERS.topicName() + "." + ProbeConsumer.GROUP;

    @Inject
    DeadLetters deadLetters;

    @Test
    void aPartitionAddedToTheSourceReachesItsFailureTopicsAndARecordFromItIsStillRetriedThenParked()
            throws Exception {
        int grown;
        try (Admin admin = ConsumerTopicSettingsIT.admin()) {
            grown = partitions(admin, Topic.ORDERS.topicName()) + 1;
            admin.createPartitions(Map.of(Topic.ORDERS.topicName(), NewPartitions.increaseTo(grown))).all().get();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String topic : List.of(PREFIX + ".retry_100", PREFIX + ".dlq", PREFIX + ".replay")) {
                    assertThat(partitions(admin, topic)).as(topic).isEqualTo(grown);
                }
            });
        }
        OrderPlaced order = failingOrderOnPartition(grown - 1, grown);

        try (EventProducer producer = new EventProducer(bootstrap())) {
            producer.send(order, UUID.randomUUID(), "partitions-added-it-" + order.orderId());
        }

        try (TopicReader reader = TopicReader.fromBeginning(bootstrap(), PREFIX + ".dlq")) {
            ConsumerRecord<String, String> parked = reader.awaitKey(order.aggregateId(), Duration.ofSeconds(90));
            assertThat(parked.partition()).as("the new partition's number").isEqualTo(grown - 1);
        }
    }

    @Test
    void aDeadLetterOfAPartitionItsTopicLacksIsParkedOnAPartitionItsKeyChooses() throws Exception {
        String deadLetterTopic = "partitions-added-it-" + UUID.randomUUID() + ".dlq";
        try (Admin admin = ConsumerTopicSettingsIT.admin()) {
            admin.createTopics(List.of(new NewTopic(deadLetterTopic, 1, (short) 1))).all().get();
        }
        String key = UUID.randomUUID().toString();
        ConsumerRecord<String, byte[]> fromPartitionFive = new ConsumerRecord<>(Topic.ORDERS.topicName(), 5, 42L, key,
                "{}".getBytes(StandardCharsets.UTF_8));

        deadLetters.park(deadLetterTopic, new IncomingKafkaRecordMetadata<>(fromPartitionFive, "probe-orders"),
                fromPartitionFive.value(), new IllegalStateException("never processable"))
                .await().atMost(Duration.ofSeconds(30));

        try (TopicReader reader = TopicReader.fromBeginning(bootstrap(), deadLetterTopic)) {
            ConsumerRecord<String, String> parked = reader.awaitKey(key, Duration.ofSeconds(30));
            assertThat(parked.partition()).isZero();
            assertThat(TopicReader.header(parked, DeadLetters.PARTITION)).isEqualTo("5");
        }
    }

    /** An order of the probe's failing customer whose key the default partitioner sends to {@code partition}. */
    private static OrderPlaced failingOrderOnPartition(int partition, int partitions) {
        while (true) {
            UUID orderId = UUID.randomUUID();
            byte[] key = orderId.toString().getBytes(StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % partitions == partition) {
                return new OrderPlaced(orderId, ProbeConsumer.FAILING_CUSTOMER,
                        List.of(new LineItem("PROBE-1", 1, Money.of(100, "EUR"))), Money.of(100, "EUR"),
                        "pm_card_visa", Instant.now().truncatedTo(ChronoUnit.MICROS));
            }
        }
    }

    private static int partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
