package io.comanda.events;

import java.util.UUID;

/**
 * How the payment of an order ended: {@link PaymentSucceeded} or {@link PaymentFailed}. A consumer
 * that follows orders handles both the same way, by the order they name.
 */
public sealed interface PaymentOutcome extends ComandaEvent permits PaymentSucceeded, PaymentFailed {

    /** The order the payment was for; the Kafka key. */
    UUID orderId();

    /** The customer the payment was taken from, who must be the order's. */
    String customerId();

    /** The amount charged or refused, which must be the order's total. */
    Money amount();
}
