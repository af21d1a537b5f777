package io.comanda.events;

import java.time.Instant;

/**
 * A fact that happened in Comanda, published on Kafka as the data of a CloudEvent.
 *
 * <p>The set of events is closed: each one has an entry in {@link EventType}, which names its
 * {@code ce_type}, its topic and its Java type.
 */
public sealed interface ComandaEvent
        permits OrderPlaced, OrderConfirmed, OrderCancelled, PaymentOutcome {

    /** The id of the aggregate the event belongs to: the Kafka key, the CloudEvents subject. */
    String aggregateId();

    /** When the fact happened in the producing service. */
    Instant occurredAt();

    /** The catalogue entry of this event. */
    default EventType type() {
        return EventType.of(getClass());
    }
}
