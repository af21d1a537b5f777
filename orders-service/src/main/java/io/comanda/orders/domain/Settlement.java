package io.comanda.orders.domain;

import io.comanda.events.ComandaEvent;
import io.comanda.events.Money;
import io.comanda.events.OrderCancelled;
import io.comanda.events.OrderConfirmed;
import io.comanda.events.PaymentFailed;
import io.comanda.events.PaymentSucceeded;

import java.time.Instant;
import java.util.UUID;

/**
 * What a payment outcome does to a PENDING order: the status it moves to, the reason it keeps when
 * cancelled, and the event announcing the change. The one rule both {@link Order#settle} and the
 * plain-SQL settlement of {@link OrderSettlement} follow.
 *
 * @param status        CONFIRMED or CANCELLED
 * @param declineReason why the payment failed; null when it succeeded
 */
public record Settlement(OrderStatus status, String declineReason) {

    /**
     * @throws IllegalArgumentException when {@code paymentOutcome} is no payment outcome
     */
    public static Settlement of(ComandaEvent paymentOutcome) {
        if (paymentOutcome instanceof PaymentSucceeded) {
            return new Settlement(OrderStatus.CONFIRMED, null);
        }
        if (paymentOutcome instanceof PaymentFailed failed) {
            return new Settlement(OrderStatus.CANCELLED, failed.reason());
        }
        throw new IllegalArgumentException("not a payment outcome: " + paymentOutcome.type().ceType());
    }

    /**
     * The event announcing that the order moved to {@link #status()}.
     *
     * @param version the order's version after the change: the one before, plus one
     */
    public ComandaEvent announcement(ComandaEvent paymentOutcome, UUID orderId, String customerId, Money total,
                                     Instant now, long version) {
        if (paymentOutcome instanceof PaymentSucceeded succeeded) {
            return new OrderConfirmed(orderId, customerId, succeeded.paymentId(), total, now, version);
        }
        PaymentFailed failed = (PaymentFailed) paymentOutcome;
        return new OrderCancelled(orderId, customerId, failed.declineCode(), failed.reason(), now, version);
    }
}
