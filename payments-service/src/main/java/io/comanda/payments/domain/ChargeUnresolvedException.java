package io.comanda.payments.domain;

/**
 * The provider's answer leaves open whether the charge was made: no answer yet (a timeout, a dropped
 * connection, a 409 while the key's first request runs), or a stored answer that says nothing (a 500
 * stored under the key). The order's charge is then resolved in the background ({@link ChargeResolution})
 * while the rest of its partition flows on.
 */
public class ChargeUnresolvedException extends ProviderUnavailableException {

    private final ChargeAttempt.Unresolved why;

    public ChargeUnresolvedException(ChargeAttempt.Unresolved why, String message, Throwable cause) {
        super(message, cause);
        this.why = why;
    }

    public ChargeAttempt.Unresolved why() {
        return why;
    }
}
