package io.comanda.payments.messaging;

import io.comanda.events.OrderPlaced;
import io.comanda.payments.domain.PlacedOrderDelivery;
import io.comanda.platform.messaging.TracedEvent;

import java.util.UUID;
import java.util.function.Supplier;

/** An {@code OrderPlaced} record of a batch, with the trace context it was delivered in. */
record TracedPlacedOrder(TracedEvent traced) implements PlacedOrderDelivery {

    @Override
    public UUID eventId() {
        return traced.event().id();
    }

    @Override
    public OrderPlaced order() {
        return (OrderPlaced) traced.event().event();
    }

    @Override
    public <T> T within(Supplier<T> work) {
        return traced.within(work);
    }
}
