package io.comanda.devstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A real Keycloak with the {@code comanda} realm; the service validates bearer tokens against it. */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> keycloak = SharedStack.keycloak();
        return Map.of(
                "quarkus.oidc.auth-server-url", keycloak.get("realm-url"),
                "comanda.test.keycloak-url", keycloak.get("url"));
    }

    @Override
    public void stop() {
        // Shared by every test class of the run; stopped when the JVM exits.
    }
}
