package io.comanda.events;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that cannot become an event. It extends Kafka's {@link SerializationException} so that a
 * consumer's failure strategy treats it as a deserialisation failure and dead-letters the record
 * with this message as the reason.
 */
public abstract sealed class EventDeserializationException extends SerializationException
        permits UnknownEventTypeException, MalformedEventException {

    protected EventDeserializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
