package io.comanda.devstack.quarkus;

import io.comanda.devstack.clients.AccessTokens;
import io.comanda.devstack.clients.LocalUser;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bearer tokens of the realm's users for a {@code @QuarkusTest}, from the Keycloak that
 * {@link KeycloakTestResource} started ({@code comanda.test.keycloak-url}); fetched once per user and
 * reused, as a client would keep its token while it is valid.
 */
public final class RealmTokens {

    private RealmTokens() {
    }

    /** Where the tests' Keycloak listens. */
    public static String keycloakUrl() {
        return ConfigProvider.getConfig().getValue("comanda.test.keycloak-url", String.class);
    }

    /** A token of {@code user}, reused across calls. */
    public static String token(LocalUser user) {
        return AccessTokens.reused(keycloakUrl(), user);
    }

    /** The realm's id of {@code user}: the {@code sub} claim of its token. */
    public static String subject(LocalUser user) {
        return AccessTokens.claims(token(user)).path("sub").asText();
    }
}
