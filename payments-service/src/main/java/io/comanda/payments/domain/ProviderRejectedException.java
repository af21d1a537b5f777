package io.comanda.payments.domain;

/** The provider refused the request itself (bad key, reused idempotency key): an operator must look. */
public class ProviderRejectedException extends RuntimeException {

    public ProviderRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
