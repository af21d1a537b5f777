package io.comanda.events;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.charset.StandardCharsets;

/**
 * Kafka value deserializer for every Comanda topic: picks the record type from the {@code ce_type}
 * header and reads the JSON data into it.
 *
 * <p>Fails with {@link UnknownEventTypeException} or {@link MalformedEventException}, never with a
 * null value, so that the consumer's failure strategy can dead-letter the record with a reason.
 */
public class ComandaEventDeserializer implements Deserializer<ComandaEvent> {

    @Override
    public ComandaEvent deserialize(String topic, byte[] data) {
        throw new UnknownEventTypeException(null);
    }

    @Override
    public ComandaEvent deserialize(String topic, Headers headers, byte[] data) {
        String ceType = lastValue(headers, CloudEventHeaders.TYPE);
        EventType type = EventType.fromCeType(ceType).orElseThrow(() -> new UnknownEventTypeException(ceType));
        if (data == null) {
            throw new MalformedEventException(type.javaType(), new IllegalArgumentException("record has no value"));
        }
        return EventJson.read(data, type.javaType());
    }

    private static String lastValue(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
