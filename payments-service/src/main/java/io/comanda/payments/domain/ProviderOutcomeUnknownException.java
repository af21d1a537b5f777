package io.comanda.payments.domain;

/**
 * The provider failed in a way that leaves open whether the charge was made (a 5xx, a timeout): unlike
 * other transient failures, its idempotency key may now answer this failure again (Stripe stores a 500
 * under the key), so the order's charge attempt remembers it and later asks the provider what it holds.
 */
public class ProviderOutcomeUnknownException extends ProviderUnavailableException {

    public ProviderOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
