package io.comanda.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The order's amount was charged.
 *
 * @param paymentId         the payment
 * @param orderId           the order it pays; the Kafka key, so an order's events stay in order
 * @param customerId        the customer
 * @param amount            the amount charged
 * @param providerReference the provider's id of the charge, e.g. a Stripe PaymentIntent id
 * @param occurredAt        when the charge was recorded
 */
public record PaymentSucceeded(UUID paymentId, UUID orderId, String customerId, Money amount,
                               String providerReference, Instant occurredAt) implements PaymentOutcome {

    public PaymentSucceeded {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(providerReference, "providerReference");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** Payments are keyed by their order, so that all events of one order share a partition. */
    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
