package io.comanda.payments.domain;

import io.comanda.events.OrderPlaced;

import java.util.UUID;
import java.util.function.Supplier;

/** An {@code OrderPlaced} event as it was delivered to this service, within the flow it belongs to. */
public interface PlacedOrderDelivery {

    /** The event's id, under which the inbox records it. */
    UUID eventId();

    OrderPlaced order();

    /** Runs {@code work} in the event's own context: its flow's correlation id and trace parent. */
    <T> T within(Supplier<T> work);
}
