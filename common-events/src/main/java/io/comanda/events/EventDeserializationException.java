package io.comanda.events;

/**
 * A record that cannot become an event. Unchecked and free of Kafka types, so services that only
 * write events need no Kafka client; a Kafka consumer sees it wrapped in Kafka's
 * {@code RecordDeserializationException}, and its failure strategy dead-letters the record with this
 * message as the reason.
 */
public abstract sealed class EventDeserializationException extends RuntimeException
        permits UnknownEventTypeException, MalformedEventException {

    protected EventDeserializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
