package io.comanda.devstack.parts;

import java.util.HashMap;
import java.util.Map;

/**
 * The local-development values a packaged service needs from whoever starts it on this machine: the
 * services' production build has no defaults for secrets (a forgotten variable stops it), so the local
 * stack, the benchmarks and the end-to-end tests pass these explicitly. They exist nowhere but here and
 * in the realm file; never use them elsewhere.
 */
final class LocalServiceSettings {

    private static final Map<String, String> EVERY_SERVICE = Map.of(
            "QUARKUS_DATASOURCE_USERNAME", "postgres",
            "QUARKUS_DATASOURCE_PASSWORD", "postgres",
            // The local Keycloak speaks plain HTTP on 127.0.0.1.
            "COMANDA_SECURITY_ALLOW_PLAIN_HTTP_OIDC", "true");
    private static final Map<String, Map<String, String>> BY_SERVICE = Map.of(
            StackPart.ORDERS.partName(), Map.of("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET", "orders-local-dev-secret"),
            StackPart.PAYMENTS.partName(), Map.of("COMANDA_STRIPE_SECRET_KEY", "sk_test_comanda_local_emulator"),
            StackPart.NOTIFICATIONS.partName(),
            Map.of("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET", "notifications-local-dev-secret"));

    private LocalServiceSettings() {
    }

    /** The values for {@code service} (its module name); the caller's own settings go on top. */
    static Map<String, String> of(String service) {
        Map<String, String> settings = new HashMap<>(EVERY_SERVICE);
        settings.putAll(BY_SERVICE.getOrDefault(service, Map.of()));
        return settings;
    }
}
