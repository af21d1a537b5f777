package io.comanda.devstack.quarkus;

import java.util.HashMap;
import java.util.Map;

/**
 * A real Keycloak with the {@code comanda} realm; the service validates bearer tokens against it.
 *
 * <p>Sets {@code quarkus.oidc.auth-server-url} (the realm) and {@code comanda.test.keycloak-url} (where
 * tests get tokens, see {@code AccessTokens}); and adds the {@link TestSigningKey} to the realm first,
 * handing it to tests as {@code comanda.test.signing-key} and {@code comanda.test.signing-key-id}.
 */
public class KeycloakTestResource extends SharedPartResource {

    @Override
    public Map<String, String> start() {
        SharedParts.Keycloak keycloak = TestStack.keycloak();
        Map<String, String> properties = new HashMap<>(TestSigningKey.registerOnce(keycloak));
        properties.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
        properties.put("comanda.test.keycloak-url", keycloak.url());
        return properties;
    }
}
