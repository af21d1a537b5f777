package io.comanda.payments;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventJson;
import io.comanda.events.EventType;
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
import java.util.Map;
import java.util.UUID;

/**
 * Records for comanda.orders under one key, held back by the producer until {@link #close()} sends them
 * in one request: they land on one partition, next to each other, for the consumer to poll as one batch.
 */
final class OneBatch implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String key;

    OneBatch(String bootstrapServers, String key) {
        this.key = key;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 60_000, ProducerConfig.BATCH_SIZE_CONFIG, 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    void add(OrderPlaced order, UUID ceId) {
        send(EventProducer.headers(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                        CloudEventHeaders.ID, ceId.toString(), CloudEventHeaders.SOURCE, "/comanda/test",
                        CloudEventHeaders.TYPE, order.type().ceType(), CloudEventHeaders.TIME, Instant.now().toString(),
                        CloudEventHeaders.CORRELATION_ID, "batch-" + order.orderId()),
                EventJson.write(order).getBytes(StandardCharsets.UTF_8));
    }

    /** A record that claims to be an OrderPlaced and is not one. */
    void addRaw(byte[] value) {
        send(EventProducer.headers(CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, EventType.ORDER_PLACED_V1.ceType()), value);
    }

    private void send(RecordHeaders headers, byte[] value) {
        producer.send(new ProducerRecord<>(Topic.ORDERS.topicName(), null, key, value, headers));
    }

    @Override
    public void close() {
        producer.flush();
        producer.close();
    }
}
