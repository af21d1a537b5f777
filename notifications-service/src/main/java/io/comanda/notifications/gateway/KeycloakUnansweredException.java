package io.comanda.notifications.gateway;

/**
 * Keycloak could not say who a customer is: any answer but a user or its definite "no such user".
 * Retried with the consumer's retries, and never cached.
 */
public class KeycloakUnansweredException extends RuntimeException {

    private static final int BODY_SHOWN = 200;

    public KeycloakUnansweredException(int status, String body) {
        super("Keycloak's admin API answered " + status + (body == null || body.isBlank() ? " without a body"
                : ": " + (body.length() > BODY_SHOWN ? body.substring(0, BODY_SHOWN) + "..." : body)));
    }
}
