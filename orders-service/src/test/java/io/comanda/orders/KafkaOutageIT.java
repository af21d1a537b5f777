package io.comanda.orders;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.devstack.quarkus.TestStack;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.Topic;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Kafka being down never fails an order: the outbox holds the events until the relay can deliver them. */
@QuarkusTest
class KafkaOutageIT {

    @Test
    void ordersPlacedWhileKafkaIsDownArePublishedOnceItIsBack() {
        List<String> orderIds = new ArrayList<>();
        TestStack.stopKafka();
        try {
            for (int i = 0; i < 5; i++) {
                orderIds.add(Customers.placing(LocalUser.ALICE, Customers.newKey())
                        .body(Customers.espressoOrder("during outage " + i)).post("/orders")
                        .then().statusCode(201).extract().path("id"));
            }
        } finally {
            TestStack.restartKafka();
        }

        try (TopicReader reader = TopicReader.fromBeginning(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), Topic.ORDERS.topicName())) {
            List<ConsumerRecord<String, String>> records = reader.readUntil(seen -> seen.stream()
                    .map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(orderIds), Duration.ofSeconds(120));

            Map<String, Set<String>> eventIdsByOrder = records.stream().filter(r -> orderIds.contains(r.key()))
                    .collect(Collectors.groupingBy(ConsumerRecord::key,
                            Collectors.mapping(r -> TopicReader.header(r, CloudEventHeaders.ID), Collectors.toCollection(HashSet::new))));
            assertThat(eventIdsByOrder).hasSize(5);
            // Each order has one event (one ce_id); a redelivered copy would carry the same ce_id.
            assertThat(eventIdsByOrder.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        }
        for (String orderId : orderIds) {
            assertThat(TestDatabase.count("select count(*) from outbox where aggregateid = ?", orderId)).isEqualTo(1);
        }
    }
}
