package io.comanda.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The provider declined the charge: a business outcome, not an error.
 *
 * @param paymentId   the payment attempt
 * @param orderId     the order it was for; the Kafka key
 * @param customerId  the customer
 * @param amount      the amount that was asked for
 * @param declineCode the provider's decline code, e.g. {@code insufficient_funds}
 * @param reason      a sentence a person can read
 * @param occurredAt  when the decline was recorded
 */
public record PaymentFailed(UUID paymentId, UUID orderId, String customerId, Money amount,
                            String declineCode, String reason, Instant occurredAt) implements PaymentOutcome {

    public PaymentFailed {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(declineCode, "declineCode");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
