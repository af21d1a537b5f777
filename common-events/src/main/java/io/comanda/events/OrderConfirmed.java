package io.comanda.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The order's payment succeeded; the order is confirmed.
 *
 * @param orderId    the order
 * @param customerId the customer
 * @param paymentId  the payment that settled it
 * @param total      the amount charged
 * @param occurredAt when the order changed to confirmed
 * @param version    the order's version after this change (the rule is on {@link OrderPlaced}); optional
 */
public record OrderConfirmed(UUID orderId, String customerId, UUID paymentId, Money total,
                             Instant occurredAt, Long version) implements ComandaEvent {

    /** A confirmation from a producer that does not stamp versions. */
    public OrderConfirmed(UUID orderId, String customerId, UUID paymentId, Money total, Instant occurredAt) {
        this(orderId, customerId, paymentId, total, occurredAt, null);
    }

    public OrderConfirmed {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
