package io.comanda.orders;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.quarkus.RealmTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests as the realm's users make them, with real tokens from Keycloak. */
final class Customers {

    private Customers() {
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

    /** A POST /orders as {@code user}, with a fresh idempotency key unless one is given. */
    static RequestSpecification placing(LocalUser user, String idempotencyKey) {
        return as(user).contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey);
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** Two espresso bags and a moka pot, paid with Stripe's always-succeeding test card. */
    static Map<String, Object> espressoOrder(String note) {
        return Map.of("items", List.of(Map.of("sku", "ESPRESSO-250G", "quantity", 2),
                        Map.of("sku", "MOKA-POT-3", "quantity", 1)),
                "paymentMethod", "pm_card_visa",
                "note", note);
    }
}
