package io.comanda.notifications;

import io.comanda.devstack.clients.LocalUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/** The realm's client for this service may read users, and nothing more. */
@QuarkusTest
class ServiceAccountIT {

    @Test
    void serviceAccountReadsACustomersAddress() {
        admin().get("/admin/realms/comanda/users/" + Customers.id(LocalUser.ALICE))
                .then().statusCode(200).body("email", equalTo(Customers.ALICE_ADDRESS));
    }

    @Test
    void serviceAccountCannotChangeUsers() {
        admin().contentType("application/json").body("{\"username\":\"intruder\",\"enabled\":true}")
                .post("/admin/realms/comanda/users").then().statusCode(403);
        admin().contentType("application/json").body("{\"email\":\"someone@else.example\"}")
                .put("/admin/realms/comanda/users/" + Customers.id(LocalUser.ALICE)).then().statusCode(403);
    }

    private static RequestSpecification admin() {
        String token = RestAssured.given().baseUri(Customers.keycloakUrl()).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("grant_type", "client_credentials", "client_id", "comanda-notifications",
                        "client_secret", "notifications-local-dev-secret"))
                .post("/realms/comanda/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return RestAssured.given().baseUri(Customers.keycloakUrl()).auth().oauth2(token);
    }
}
