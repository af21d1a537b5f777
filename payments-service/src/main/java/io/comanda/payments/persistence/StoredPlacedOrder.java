package io.comanda.payments.persistence;

import io.comanda.events.EventJson;
import io.comanda.events.OrderPlaced;
import io.comanda.payments.domain.PlacedOrderDelivery;
import io.comanda.platform.correlation.CorrelationId;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * An {@code OrderPlaced} delivery kept with its unresolved charge: the event's id and data, and the flow it
 * belongs to (its correlation id and W3C trace context), so that the charge resolved in the background
 * is recorded as the consumer would have, its outcome event in the order's own trace.
 */
record StoredPlacedOrder(UUID eventId, OrderPlaced order, String correlationId, String traceparent)
        implements PlacedOrderDelivery {

    private static final String TRACEPARENT = "traceparent";

    /** The delivery as it runs now, in its own flow: what to store with its unresolved charge. */
    static StoredPlacedOrder of(PlacedOrderDelivery delivery) {
        return delivery.within(() -> {
            Map<String, String> carrier = new HashMap<>(2);
            W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
            return new StoredPlacedOrder(delivery.eventId(), delivery.order(), CorrelationId.current().orElse(null),
                    carrier.get(TRACEPARENT));
        });
    }

    static StoredPlacedOrder read(UUID eventId, String orderJson, String correlationId, String traceparent) {
        return new StoredPlacedOrder(eventId, EventJson.read(orderJson.getBytes(StandardCharsets.UTF_8), OrderPlaced.class),
                correlationId, traceparent);
    }

    String orderJson() {
        return EventJson.write(order);
    }

    @Override
    public <T> T within(Supplier<T> work) {
        String outer = CorrelationId.current().orElse(null);
        CorrelationId.set(CorrelationId.acceptOrGenerate(correlationId));
        Context flow = traceparent == null ? Context.current() : W3CTraceContextPropagator.getInstance()
                .extract(Context.current(), Map.of(TRACEPARENT, traceparent), Carrier.INSTANCE);
        try (Scope ignored = flow.makeCurrent()) {
            return work.get();
        } finally {
            if (outer == null) {
                CorrelationId.clear();
            } else {
                CorrelationId.set(outer);
            }
        }
    }

    private enum Carrier implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return List.copyOf(carrier.keySet());
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }
}
