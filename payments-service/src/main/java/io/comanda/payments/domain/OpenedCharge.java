package io.comanda.payments.domain;

/**
 * What opening an order's charge at the provider gave: the provider's id of a payment not confirmed yet
 * (no money moves until it is), or a decline the provider answered already (an unknown payment method).
 *
 * @param paymentIntentId the payment to confirm, or null when declined
 * @param declined        the decline, or null when opened
 */
public record OpenedCharge(String paymentIntentId, ChargeResult.Declined declined) {

    public static OpenedCharge opened(String paymentIntentId) {
        return new OpenedCharge(paymentIntentId, null);
    }

    public static OpenedCharge declined(ChargeResult.Declined declined) {
        return new OpenedCharge(null, declined);
    }
}
