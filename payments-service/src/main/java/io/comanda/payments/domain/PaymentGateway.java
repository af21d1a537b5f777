package io.comanda.payments.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The payment provider port. Calls block; callers run them off the event loop. */
public interface PaymentGateway {

    /**
     * Charges the order's amount, at most once per order and idempotency key however often it is called.
     *
     * @throws ChargeUnresolvedException   when the answer leaves open whether it charged (no answer, a stored 500)
     * @throws ProviderUnavailableException when the provider refused it before it ran (429, no connection)
     * @throws ProviderRejectedException    when the provider's answer is one an operator must look at
     */
    ChargeResult charge(ChargeRequest request);

    /**
     * What the order's PaymentIntents came to, read from a consistent listing (not the provider's search,
     * which lags): how a charge whose key can no longer answer for it is found again, instead of charging
     * a second time.
     *
     * @param createdFrom the earliest creation time a PaymentIntent of the order can have
     * @return the outcome of the order's most advanced PaymentIntent, or empty when the provider holds none
     * @throws ProviderUnavailableException when the provider failed transiently
     */
    Optional<ChargeResult> lookUp(UUID orderId, Instant createdFrom);

    /**
     * Refunds the charge in full, once however often it is called: a refund the provider already holds
     * for it is answered instead of a second one.
     *
     * @param providerReference the charge's id at the provider (a PaymentIntent id)
     * @return the refund's id at the provider
     * @throws ProviderUnavailableException when the provider failed transiently
     */
    String refund(UUID orderId, String providerReference);
}
