package io.comanda.payments.domain;

import io.comanda.events.Money;

import java.util.UUID;

/**
 * What to charge for an order.
 *
 * @param orderId        the order
 * @param amount         how much
 * @param paymentMethod  the provider's payment method id
 * @param idempotencyKey the key the provider deduplicates by: a retried charge under it is the same charge
 */
public record ChargeRequest(UUID orderId, Money amount, String paymentMethod, String idempotencyKey) {

    /** A request under the order's first key. */
    public ChargeRequest(UUID orderId, Money amount, String paymentMethod) {
        this(orderId, amount, paymentMethod, firstIdempotencyKey(orderId));
    }

    /** The order's first key: one per order, so a retried charge is the same charge. */
    public static String firstIdempotencyKey(UUID orderId) {
        return "comanda-order-" + orderId;
    }
}
