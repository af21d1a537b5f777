package io.comanda.searchindexer;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.quarkus.RealmTokens;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Requests as the realm's users make them, with real tokens from Keycloak. */
final class Users {

    private Users() {
    }

    static String token(LocalUser user) {
        return RealmTokens.token(user);
    }

    static String subject(LocalUser user) {
        return RealmTokens.subject(user);
    }

    static RequestSpecification as(LocalUser user) {
        return given().auth().oauth2(token(user));
    }
}
