package io.comanda.benchmark;

import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventJson;
import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import io.comanda.events.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A backlog of {@code OrderPlaced} on {@code comanda.orders}, as orders-service's relay publishes them
 * (CloudEvents headers, keyed by order), sent in producer batches: a hundred thousand in seconds,
 * where one acknowledged send at a time would take minutes.
 */
final class OrderBacklog {

    private OrderBacklog() {
    }

    static void publish(String bootstrapServers, int events) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                OrderPlaced order = new OrderPlaced(UUID.randomUUID(), "drain-customer-" + (i % 1000),
                        List.of(new LineItem("ESPRESSO-250G", 1, Money.of(1299, "EUR"))), Money.of(1299, "EUR"),
                        "pm_card_visa", Instant.now());
                producer.send(new ProducerRecord<>(Topic.ORDERS.topicName(), null, order.aggregateId(),
                        EventJson.write(order).getBytes(StandardCharsets.UTF_8), headers(order, "drain-" + i)));
            }
            producer.flush();
        }
    }

    private static RecordHeaders headers(OrderPlaced order, String correlationId) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        add(headers, CloudEventHeaders.ID, UUID.randomUUID().toString());
        add(headers, CloudEventHeaders.SOURCE, "/comanda/orders-service");
        add(headers, CloudEventHeaders.TYPE, order.type().ceType());
        add(headers, CloudEventHeaders.TIME, order.occurredAt().toString());
        add(headers, CloudEventHeaders.SUBJECT, order.aggregateId());
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        add(headers, CloudEventHeaders.CORRELATION_ID, correlationId);
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
