package io.comanda.platform.deadletters;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What operators decided about a consumer's dead letters, kept on its compacted
 * {@code <dead-letter topic>.resolutions} topic (key: the dead-letter id), so that a discarded or replayed
 * dead letter stays out of the listing after a restart. The last resolution of an id counts.
 */
@ApplicationScoped
public class Resolutions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeadLetterTopics topics;

    public Resolutions(DeadLetterTopics topics) {
        this.topics = topics;
    }

    /**
     * What was done, by whom (the token's principal), when, and why when the operator said so (a forced
     * discard must; null otherwise, and on resolutions kept before reasons were).
     */
    public record Resolution(Action action, String by, String at, String reason) {

        static Resolution now(Action action, String by) {
            return now(action, by, null);
        }

        static Resolution now(Action action, String by, String reason) {
            return new Resolution(action, by, Instant.now().toString(), reason);
        }
    }

    public enum Action { DISCARDED, REPLAYED }

    /** @return the resolutions on {@code topic} by dead-letter id */
    public Map<String, Resolution> of(String topic) {
        Map<String, Resolution> resolutions = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : topics.readAll(topic)) {
            if (record.key() == null) {
                continue;
            }
            if (record.value() == null) {
                resolutions.remove(record.key());
            } else {
                resolutions.put(record.key(), read(record.value()));
            }
        }
        return resolutions;
    }

    public void record(String topic, DeadLetterId id, Resolution resolution) {
        try {
            topics.send(new ProducerRecord<>(topic, 0, id.toString(), JSON.writeValueAsBytes(resolution)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Resolution read(byte[] value) {
        try {
            return JSON.readValue(new String(value, StandardCharsets.UTF_8), Resolution.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable dead-letter resolution: " + e.getMessage(), e);
        }
    }
}
