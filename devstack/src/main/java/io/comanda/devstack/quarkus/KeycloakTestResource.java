package io.comanda.devstack.quarkus;

import java.util.Map;

/**
 * A real Keycloak with the {@code comanda} realm; the service validates bearer tokens against it.
 *
 * <p>Sets {@code quarkus.oidc.auth-server-url} (the realm) and {@code comanda.test.keycloak-url} (where
 * tests get tokens, see {@code AccessTokens}).
 */
public class KeycloakTestResource extends SharedPartResource {

    @Override
    public Map<String, String> start() {
        SharedParts.Keycloak keycloak = SharedStack.keycloak();
        return Map.of(
                "quarkus.oidc.auth-server-url", keycloak.realmUrl(),
                "comanda.test.keycloak-url", keycloak.url());
    }
}
