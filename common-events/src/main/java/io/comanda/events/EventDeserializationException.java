package io.comanda.events;

/**
 * A record that cannot become an event. Unchecked and free of Kafka types, so services that only
 * write events need no Kafka client; a consumer dead-letters the record with this message as the
 * reason.
 */
public abstract sealed class EventDeserializationException extends RuntimeException
        permits UnknownEventTypeException, MalformedEventException {

    protected EventDeserializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
