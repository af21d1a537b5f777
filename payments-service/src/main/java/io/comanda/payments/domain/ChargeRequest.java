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

    /**
     * The key the provider deduplicates the opening of the order's payment by: a retry of one generation
     * opens the same payment. The payment's id, recorded before it is confirmed, is what keeps a charge
     * single beyond the provider's key window.
     */
    public String idempotencyKey(int generation) {
        return "comanda-order-" + orderId + "-open-" + generation;
    }
}
