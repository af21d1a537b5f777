package io.comanda.payments.domain;

import java.util.Optional;
import java.util.UUID;

/** The payment provider port. Calls block; callers run them off the event loop. */
public interface PaymentGateway {

    /**
     * Charges the order's amount, at most once per order and idempotency key however often it is called.
     *
     * @throws ProviderOutcomeUnknownException when the provider's answer leaves open whether it charged (5xx, timeout)
     * @throws ProviderUnavailableException    when the provider failed transiently otherwise (429, 409)
     * @throws ProviderRejectedException       when the provider refused the request for a reason retrying cannot mend
     */
    ChargeResult charge(ChargeRequest request);

    /**
     * What the order's PaymentIntent came to, should the provider hold one: how a charge made under a key
     * that can no longer answer for it is found again, instead of charging a second time.
     *
     * @return the outcome of the order's PaymentIntent, or empty when the provider holds none
     * @throws ProviderUnavailableException when the provider failed transiently
     */
    Optional<ChargeResult> findByOrder(UUID orderId);
}
