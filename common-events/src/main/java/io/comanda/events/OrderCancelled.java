package io.comanda.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The order was cancelled: its payment failed, or an operator cancelled it while it was pending
 * ({@code cancelled_by_operator}; payments-service then refunds a charge the order has).
 *
 * @param orderId     the order
 * @param customerId  the customer
 * @param declineCode the provider's decline code, e.g. {@code card_declined}, or {@code cancelled_by_operator}
 * @param reason      a sentence a person can read
 * @param occurredAt  when the order changed to cancelled
 * @param version     the order's version after this change (the rule is on {@link OrderPlaced}); optional
 */
public record OrderCancelled(UUID orderId, String customerId, String declineCode, String reason,
                             Instant occurredAt, Long version) implements ComandaEvent {

    /** A cancellation from a producer that does not stamp versions. */
    public OrderCancelled(UUID orderId, String customerId, String declineCode, String reason, Instant occurredAt) {
        this(orderId, customerId, declineCode, reason, occurredAt, null);
    }

    public OrderCancelled {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
