package io.comanda.payments.domain;

/** The provider failed transiently; the same charge may succeed later. */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
