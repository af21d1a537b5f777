package io.comanda.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
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
                .then().statusCode(400)
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
