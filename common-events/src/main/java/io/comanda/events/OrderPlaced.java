package io.comanda.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer placed an order; its payment is still to be taken.
 *
 * @param orderId       the order
 * @param customerId    the customer (the subject of their identity token)
 * @param items         the priced lines, at least one
 * @param total         the sum of the lines, computed by orders-service
 * @param paymentMethod the payment method to charge, e.g. {@code pm_card_visa}
 * @param occurredAt    when the order was stored
 */
public record OrderPlaced(UUID orderId, String customerId, List<LineItem> items, Money total,
                          String paymentMethod, Instant occurredAt) implements ComandaEvent {

    public OrderPlaced {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(occurredAt, "occurredAt");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one item");
        }
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
