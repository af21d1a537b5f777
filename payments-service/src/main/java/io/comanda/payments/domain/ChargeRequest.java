package io.comanda.payments.domain;

import io.comanda.events.Money;

import java.util.UUID;

/**
 * What to charge for an order.
 *
 * @param orderId       the order; the idempotency key at the provider derives from it
 * @param amount        how much
 * @param paymentMethod the provider's payment method id
 */
public record ChargeRequest(UUID orderId, Money amount, String paymentMethod) {

    /** The key the provider deduplicates by: one per order, so a retried charge is the same charge. */
    public String idempotencyKey() {
        return "comanda-order-" + orderId;
    }
}
