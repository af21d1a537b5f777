package io.comanda.searchindexer;

import io.comanda.devstack.clients.AccessTokens;
import io.comanda.devstack.clients.LocalUser;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;


import static io.restassured.RestAssured.given;

/** Requests as the realm's users make them, with real tokens from Keycloak. */
final class Users {

    private Users() {
    }

    static String token(LocalUser user) {
        return AccessTokens.reused(ConfigProvider.getConfig().getValue("comanda.test.keycloak-url", String.class), user);
    }

    static String subject(LocalUser user) {
        return AccessTokens.claims(token(user)).path("sub").asText();
    }

    static RequestSpecification as(LocalUser user) {
        return given().auth().oauth2(token(user));
    }
}
