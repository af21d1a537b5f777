package io.comanda.platform.messaging;

import io.comanda.events.CloudEventHeaders;
import io.comanda.events.ComandaEvent;
import io.comanda.events.EventReader;
import io.comanda.events.MalformedEventException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.util.UUID;

/** Reads a Kafka record of a Comanda topic into an {@link IncomingEvent}. */
final class IncomingEvents {

    private IncomingEvents() {
    }

    /**
     * @throws io.comanda.events.EventDeserializationException when the record is not a Comanda event:
     *                                                        unknown type, malformed data, no valid id
     */
    static IncomingEvent read(Headers headers, byte[] value) {
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

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : CloudEventHeaders.text(header.value());
    }
}
