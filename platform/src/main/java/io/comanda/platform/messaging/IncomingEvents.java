package io.comanda.platform.messaging;

import io.comanda.events.CloudEventHeaders;
import io.comanda.events.ComandaEvent;
import io.comanda.events.EventReader;
import io.comanda.events.MalformedEventException;
import io.comanda.platform.correlation.CorrelationId;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.util.UUID;

/**
 * Reads a Kafka record of a Comanda topic into an {@link IncomingEvent}: the consumer policies read
 * what a channel delivers, and a service reading a topic itself (a replay) reads its records alike.
 */
public final class IncomingEvents {

    private IncomingEvents() {
    }

    /**
     * @throws io.comanda.events.EventDeserializationException when the record is not a Comanda event:
     *                                                        unknown type, malformed data, no valid id
     */
    public static IncomingEvent read(Headers headers, byte[] value) {
        String type = text(headers, CloudEventHeaders.TYPE);
        ComandaEvent event = EventReader.read(type, value);
        String id = text(headers, CloudEventHeaders.ID);
        UUID eventId;
        try {
            eventId = UUID.fromString(id);
        } catch (RuntimeException e) {
            throw new MalformedEventException(event.getClass(),
                    new IllegalArgumentException("header " + CloudEventHeaders.ID + " is not a UUID: " + id));
        }
        return new IncomingEvent(eventId, type, text(headers, CloudEventHeaders.CORRELATION_ID), event);
    }

    /** The record a channel delivered, read as an event; throws as {@link #read(Headers, byte[])}. */
    static IncomingEvent read(KafkaRecord<String, byte[]> record) {
        return read(metadata(record).getHeaders(), record.getPayload());
    }

    /** Where a record a channel delivered comes from: topic, partition, offset, key, headers. */
    @SuppressWarnings("unchecked")
    static IncomingKafkaRecordMetadata<String, byte[]> metadata(KafkaRecord<String, byte[]> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
    }

    /**
     * Makes the event's correlation id the current one (logs, outbox rows, spans started from now on),
     * a new one when it carries none or a malformed one.
     *
     * @return the id now current
     */
    static String adoptCorrelationId(IncomingEvent event) {
        String id = CorrelationId.acceptOrGenerate(event.correlationId());
        CorrelationId.set(id);
        return id;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : CloudEventHeaders.text(header.value());
    }
}
