package io.comanda.orders;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.orders.idempotency.IdempotencyKey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Every way POST /orders can fail answers with its status and a problem+json body. */
@QuarkusTest
class PlaceOrderErrorsIT {

    @Test
    void invalidBodyListsEveryOffendingField() {
        problem(Customers.placing(LocalUser.ALICE, Customers.newKey())
                .body(Map.of("items", List.of(), "paymentMethod", ""))
                .post("/orders"), 400, "validation")
                .body("errors.field", hasItem("items"))
                .body("errors.field", hasItem("paymentMethod"));
    }

    @Test
    void quantityOutOfRangeIsAValidationProblem() {
        problem(Customers.placing(LocalUser.ALICE, Customers.newKey())
                .body(Map.of("items", List.of(Map.of("sku", "MUG-CERAMIC", "quantity", 100)), "paymentMethod", "pm_card_visa"))
                .post("/orders"), 400, "validation")
                .body("errors.field", hasItem("items[0].quantity"));
        problem(Customers.placing(LocalUser.ALICE, Customers.newKey())
                .body(Map.of("items", List.of(Map.of("sku", "MUG-CERAMIC", "quantity", 0)), "paymentMethod", "pm_card_visa"))
                .post("/orders"), 400, "validation")
                .body("errors.field", hasItem("items[0].quantity"));
    }

    @Test
    void unknownSkuIsAValidationProblemNamingIt() {
        problem(Customers.placing(LocalUser.ALICE, Customers.newKey())
                .body(Map.of("items", List.of(Map.of("sku", "NO-SUCH-THING", "quantity", 1)), "paymentMethod", "pm_card_visa"))
                .post("/orders"), 400, "validation")
                .body("detail", containsString("NO-SUCH-THING"));
    }

    @Test
    void missingIdempotencyKeyIsRefused() {
        problem(Customers.as(LocalUser.ALICE).contentType(ContentType.JSON)
                .body(Customers.espressoOrder("no key")).post("/orders"), 400, "idempotency-key-required");
    }

    @Test
    void malformedIdempotencyKeyIsRefused() {
        problem(Customers.placing(LocalUser.ALICE, "has spaces and ; semicolons")
                .body(Customers.espressoOrder("bad key")).post("/orders"), 400, "idempotency-key-required");
        problem(Customers.placing(LocalUser.ALICE, "k".repeat(256))
                .body(Customers.espressoOrder("long key")).post("/orders"), 400, "idempotency-key-required");
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        problem(given().contentType(ContentType.JSON).header("Idempotency-Key", Customers.newKey())
                .body(Customers.espressoOrder("anonymous")).post("/orders"), 401, "unauthorized")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void forgedTokenIsUnauthorized() {
        String forged = Customers.token(LocalUser.ALICE).substring(0, Customers.token(LocalUser.ALICE).lastIndexOf('.'))
                + ".c2lnbmF0dXJl";
        problem(given().auth().oauth2(forged).contentType(ContentType.JSON).header("Idempotency-Key", Customers.newKey())
                .body(Customers.espressoOrder("forged")).post("/orders"), 401, "unauthorized");
    }

    @Test
    void adminWithoutTheCustomerRoleCannotPlaceOrders() {
        problem(Customers.placing(LocalUser.OPS, Customers.newKey())
                .body(Customers.espressoOrder("ops")).post("/orders"), 403, "forbidden");
    }

    @Test
    void sameKeyWithADifferentRequestIsUnprocessable() {
        String key = Customers.newKey();
        Customers.placing(LocalUser.ALICE, key).body(Customers.espressoOrder("first")).post("/orders")
                .then().statusCode(201);

        problem(Customers.placing(LocalUser.ALICE, key).body(Customers.espressoOrder("second")).post("/orders"),
                422, "idempotency-key-reused");
    }

    @Test
    void requestWhileTheSameKeyIsInFlightIsAConflict() throws Exception {
        String key = Customers.newKey();
        long lock = IdempotencyKey.parse(key).lockId(Customers.subject(LocalUser.ALICE));
        // Hold the key's lock as an in-flight request does, for as long as this connection keeps it.
        try (Connection inFlight = TestDatabase.connect();
             PreparedStatement take = inFlight.prepareStatement("select pg_advisory_lock(?)")) {
            take.setLong(1, lock);
            take.execute();

            problem(Customers.placing(LocalUser.ALICE, key).body(Customers.espressoOrder("racing")).post("/orders"),
                    409, "idempotency-key-in-flight");
        }

        Customers.placing(LocalUser.ALICE, key).body(Customers.espressoOrder("racing")).post("/orders")
                .then().statusCode(201);
    }

    @Test
    void bodyOverTheSizeLimitIsTooLarge() {
        problem(Customers.placing(LocalUser.ALICE, Customers.newKey())
                .body(Customers.espressoOrder("x".repeat(70_000))).post("/orders"), 413, "payload-too-large");
    }

    @Test
    void nonJsonBodyIsAnUnsupportedMediaType() {
        problem(Customers.as(LocalUser.ALICE).contentType(ContentType.TEXT).header("Idempotency-Key", Customers.newKey())
                .body("two espressos please").post("/orders"), 415, "unsupported-media-type");
    }

    @Test
    void unreadableJsonIsAMalformedRequest() {
        problem(Customers.placing(LocalUser.ALICE, Customers.newKey())
                .body("{\"items\": [").post("/orders"), 400, "malformed-request");
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status, String type) {
        return response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:comanda:problem:" + type))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("correlationId", notNullValue())
                .header("X-Correlation-ID", notNullValue());
    }
}
