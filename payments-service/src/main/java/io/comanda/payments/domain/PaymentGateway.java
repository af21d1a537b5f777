package io.comanda.payments.domain;

/** The payment provider port. Calls block; callers run them off the event loop. */
public interface PaymentGateway {

    /**
     * Charges the order's amount, at most once per order however often it is called.
     *
     * @throws ProviderUnavailableException when the provider failed transiently (timeout, 5xx, 429)
     * @throws ProviderRejectedException    when the provider refused the request for a reason retrying cannot mend
     */
    ChargeResult charge(ChargeRequest request);
}
