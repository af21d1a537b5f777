package io.comanda.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer placed an order; its payment is still to be taken.
 *
 * <p><b>Per-order version.</b> Every order event carries the order's version after the change it
 * announces: 1 when the order is placed, one more with each change (the order row's version, stamped by
 * orders-service in the transaction of the change). Read models apply an event only when its version is
 * newer than what they hold, since retries travel through other topics and break arrival order. The
 * field is optional: events from before it existed have none (read as 0 for a placement and 1 for a
 * confirmation or cancellation, the versions their order rows had then).
 *
 * @param orderId       the order
 * @param customerId    the customer (the subject of their identity token)
 * @param items         the priced lines, at least one
 * @param total         the sum of the lines, computed by orders-service
 * @param paymentMethod the payment method to charge, e.g. {@code pm_card_visa}
 * @param occurredAt    when the order was stored
 * @param note          the customer's free-text note, or null; optional, added in v1 without a new type
 * @param version       the order's version after this change (the rule above); optional
 */
public record OrderPlaced(UUID orderId, String customerId, List<LineItem> items, Money total,
                          String paymentMethod, Instant occurredAt, String note, Long version)
        implements ComandaEvent {

    /** An order placed without a note, from a producer that does not stamp versions. */
    public OrderPlaced(UUID orderId, String customerId, List<LineItem> items, Money total, String paymentMethod,
                       Instant occurredAt) {
        this(orderId, customerId, items, total, paymentMethod, occurredAt, null, null);
    }

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
