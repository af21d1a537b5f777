package io.comanda.devstack.clients;

import io.comanda.events.CloudEventHeaders;
import io.comanda.events.ComandaEvent;
import io.comanda.events.EventJson;
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
import java.util.concurrent.TimeUnit;

/**
 * Publishes records onto Comanda topics as a producing service's relay would (CloudEvents binary mode),
 * or deliberately broken ones, so a consumer can be tested on its own.
 */
public final class EventProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public EventProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes {@code event} with {@code ceId} as its id; returns that id. */
    public UUID send(ComandaEvent event, UUID ceId, String correlationId) {
        return send(event, ceId, correlationId, null);
    }

    /** The same, carrying the W3C trace context of the span that caused the event, if any. */
    public UUID send(ComandaEvent event, UUID ceId, String correlationId, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        add(headers, CloudEventHeaders.ID, ceId.toString());
        add(headers, CloudEventHeaders.SOURCE, "/comanda/test");
        add(headers, CloudEventHeaders.TYPE, event.type().ceType());
        add(headers, CloudEventHeaders.TIME, Instant.now().toString());
        add(headers, CloudEventHeaders.SUBJECT, event.aggregateId());
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        add(headers, CloudEventHeaders.CORRELATION_ID, correlationId);
        if (traceparent != null) {
            add(headers, CloudEventHeaders.TRACEPARENT, traceparent);
        }
        sendRaw(event.type().topic().topicName(), event.aggregateId(), headers,
                EventJson.write(event).getBytes(StandardCharsets.UTF_8));
        return ceId;
    }

    /** Publishes a record as given, e.g. one no consumer can read. */
    public void sendRaw(String topic, String key, RecordHeaders headers, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    public static RecordHeaders headers(String... namesAndValues) {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            add(headers, namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
