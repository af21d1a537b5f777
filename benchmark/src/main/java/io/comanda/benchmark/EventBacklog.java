package io.comanda.benchmark;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A backlog of events on their topics, as the services' relays publish them (CloudEvents headers, keyed
 * by aggregate), sent in producer batches: a hundred thousand in seconds, where one acknowledged send
 * at a time would take minutes. What the drain benchmarks publish before their service starts.
 */
final class EventBacklog {

    private EventBacklog() {
    }

    /** Publishes {@code events} in order and returns once the broker has every one of them. */
    static void publish(String bootstrapServers, List<? extends ComandaEvent> events) {
        System.out.printf("[benchmark] publishing a backlog of %d events ...%n", events.size());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events.size(); i++) {
                ComandaEvent event = events.get(i);
                producer.send(new ProducerRecord<>(event.type().topic().topicName(), null, event.aggregateId(),
                        EventJson.write(event).getBytes(StandardCharsets.UTF_8), headers(event, "backlog-" + i)));
            }
            producer.flush();
        }
    }

    static RecordHeaders headers(ComandaEvent event, String correlationId) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        add(headers, CloudEventHeaders.ID, UUID.randomUUID().toString());
        add(headers, CloudEventHeaders.SOURCE, "/comanda/" + event.type().topic().aggregateType() + "-service");
        add(headers, CloudEventHeaders.TYPE, event.type().ceType());
        add(headers, CloudEventHeaders.TIME, event.occurredAt().toString());
        add(headers, CloudEventHeaders.SUBJECT, event.aggregateId());
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        add(headers, CloudEventHeaders.CORRELATION_ID, correlationId);
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
