package io.comanda.payments.domain;

/**
 * The payment provider port, in two steps so that the provider's id of a charge can be recorded before
 * any money moves: {@link #open} creates the payment unconfirmed, {@link #confirm} takes the money.
 * Calls block; callers run them off the event loop.
 */
public interface PaymentGateway {

    /**
     * Creates the order's payment at the provider, unconfirmed: nothing is charged yet.
     *
     * @param generation how many times the order's payment was opened without its id being recorded, so
     *                   a retry within the provider's key window gets the same payment, while a stored
     *                   failure for one generation's key cannot block the next
     * @throws ProviderUnavailableException when the provider failed transiently (timeout, 5xx, 409, 429)
     * @throws ProviderRejectedException    when the provider refused the request for a reason retrying cannot mend
     */
    OpenedCharge open(ChargeRequest request, int generation);

    /**
     * Confirms a payment just opened: the one call that takes money. The provider confirms a payment at
     * most once; confirming one already confirmed answers its outcome.
     *
     * @throws ProviderUnavailableException when the provider failed transiently
     * @throws ProviderRejectedException    when the provider refused the request for a reason retrying cannot mend
     */
    ChargeResult confirm(String paymentIntentId);

    /**
     * Resumes a payment opened by an earlier attempt (a redelivery, a retry, after a crash): reads its
     * state, confirms it if it never was, and otherwise answers the outcome it has, charging nothing new.
     *
     * @throws ProviderUnavailableException when the provider failed transiently
     * @throws ProviderRejectedException    when the provider refused the request for a reason retrying cannot mend
     */
    ChargeResult resume(String paymentIntentId);

    /** Opens and confirms at once: for callers that record nothing in between. */
    default ChargeResult charge(ChargeRequest request) {
        OpenedCharge opened = open(request, 1);
        return opened.declined() != null ? opened.declined() : confirm(opened.paymentIntentId());
    }
}
