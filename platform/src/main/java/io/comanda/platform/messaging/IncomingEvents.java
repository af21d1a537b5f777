package io.comanda.platform.messaging;

import io.comanda.events.CloudEventHeaders;
import io.comanda.events.ComandaEvent;
import io.comanda.events.ComandaEventDeserializer;
import io.comanda.events.MalformedEventException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Reads a Kafka record of a Comanda topic into an {@link IncomingEvent}. */
public final class IncomingEvents {

    private static final ComandaEventDeserializer DESERIALIZER = new ComandaEventDeserializer();

    private IncomingEvents() {
    }

    /**
     * @throws io.comanda.events.EventDeserializationException when the record is not a Comanda event:
     *                                                        unknown type, malformed data, no valid id
     */
    public static IncomingEvent read(String topic, Headers headers, byte[] value) {
        ComandaEvent event = DESERIALIZER.deserialize(topic, headers, value);
        String id = text(headers, CloudEventHeaders.ID);
        UUID eventId;
        try {
            eventId = UUID.fromString(id);
        } catch (RuntimeException e) {
            throw new MalformedEventException(event.getClass(),
                    new IllegalArgumentException("header " + CloudEventHeaders.ID + " is not a UUID: " + id));
        }
        return new IncomingEvent(eventId, text(headers, CloudEventHeaders.TYPE),
                text(headers, CloudEventHeaders.CORRELATION_ID), event);
    }

    static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
