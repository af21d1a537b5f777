package io.comanda.events;

/**
 * Reads the data of a record on any Comanda topic into its event record, picking the record type
 * from the record's {@code ce_type}. Free of Kafka types: a consumer passes the header's text and the
 * record's value.
 *
 * <p>Fails with {@link UnknownEventTypeException} or {@link MalformedEventException}, never with a
 * null event, so that the consumer can dead-letter the record with a reason.
 */
public final class EventReader {

    private EventReader() {
    }

    /**
     * @param ceType the text of the record's {@code ce_type} header, or null when it has none
     * @param data   the record's value, the event's JSON
     */
    public static ComandaEvent read(String ceType, byte[] data) {
        EventType type = EventType.fromCeType(ceType).orElseThrow(() -> new UnknownEventTypeException(ceType));
        if (data == null) {
            throw new MalformedEventException(type.javaType(), new IllegalArgumentException("record has no value"));
        }
        return EventJson.read(data, type.javaType());
    }
}
