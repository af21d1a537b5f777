package io.comanda.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Every error leaves the service as RFC 9457 problem+json with a stable type and no internals. */
@QuarkusTest
class ProblemResponsesIT {

    @Test
    void validationFailureListsTheOffendingFields() {
        given().contentType(ContentType.JSON).header("X-Correlation-ID", "problem-it-validation")
                .body(Map.of("text", ""))
                .post("/probe/notes")
                .then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:comanda:problem:validation"))
                .body("title", equalTo("The request is not valid"))
                .body("status", equalTo(400))
                .body("detail", containsString("text"))
                .body("instance", equalTo("/probe/notes"))
                .body("correlationId", equalTo("problem-it-validation"))
                .body("errors.field", hasItem("text"));
    }

    @Test
    void anEndpointNobodyOpenedIsClosedWithAnUnauthorizedProblem() {
        given().get("/unannotated")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:comanda:problem:unauthorized"))
                .body(not(containsString("nobody decided")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "42", "\"a string\"", "true", "[]", "[{\"quantity\":1}]", "{\"quantity\":1.9,\"copies\":1}",
            "{\"quantity\":\"2\",\"copies\":1}", "{\"quantity\":2,\"copies\":1.0}",
"{\"quantity\":2,\"copies\":1,\"label\":5}",
            "{\"quantity\":2,\"copies\":1,\"label\":true}", "{\"quantity\":2,\"copies\":1,\"gift\":\"yes\"}",
            "{\"quantity\":2,\"copies\":1,\"gift\":1}", "{\"quantity\":2,\"copies\":1,\"label\":\"a\\u0000b\"}",
            "{\"quantity\":2,\"copies\":1,\"label\":\"\\ud800\"}",
            "{\"quantity\":2,\"copies\":1,\"label\":\"\\udc00x\"}", "{\"quantity\":2,\"copies\":1} {}",
            "{\"quantity\":99999999999,\"copies\":1}"})
    void aBodyOfTheWrongShapeOrTypesIsABadRequestProblem(String body) {
        given().contentType(ContentType.JSON).body(body)
                .post("/probe/typed")
                .then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", anyOf(equalTo("urn:comanda:problem:malformed-request"),
                        equalTo("urn:comanda:problem:validation")))
                .body("title", not(emptyOrNullString()));
    }

    @Test
    void aBodyOfTheDeclaredTypesIsReadAsWritten() {
        given().contentType(ContentType.JSON)
                .body("{\"quantity\":2,\"copies\":3,\"label\":\"caf\u00e9 \\ud83d\\ude00\",\"gift\":false}")
                .post("/probe/typed")
                .then().statusCode(200)
                .body("quantity", equalTo(2))
                .body("copies", equalTo(3))
                .body("label", equalTo("caf\u00e9 \ud83d\ude00"))
                .body("gift", equalTo(false));
    }

    @Test
    void unknownResourceIsANotFoundProblem() {
        UUID id = UUID.randomUUID();
        given().get("/probe/notes/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:comanda:problem:not-found"))
                .body("detail", equalTo("There is no note " + id + "."));
    }

    @Test
    void unknownPathIsANotFoundProblemToo() {
        given().get("/no/such/path")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:comanda:problem:not-found"));
    }

    @Test
    void conflictIsAConflictProblem() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "conflicting", "failAfterWriting", true))
                .post("/probe/notes")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:comanda:problem:conflict"))
                .body("status", equalTo(409));
    }

    @Test
    void unexpectedErrorLeaksNoInternals() {
        given().header("X-Correlation-ID", "problem-it-boom")
                .get("/probe/boom")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:comanda:problem:internal"))
                .body("correlationId", equalTo("problem-it-boom"))
                .body("detail", containsString("problem-it-boom"))
                .body(allOf(not(containsString("secret")), not(containsString("IllegalStateException")),
                        not(containsString("hunter2")), not(containsString("at io.comanda"))));
    }

    @Test
    void unreadableJsonIsAMalformedRequestProblem() {
        given().contentType(ContentType.JSON)
                .body("{\"text\": ")
                .post("/probe/notes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:comanda:problem:malformed-request"));
    }
}
