package io.comanda.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
class CorrelationIdIT {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void echoesAWellFormedCorrelationId() {
        given().header("X-Correlation-ID", "checkout-7f3a:retry.2")
                .get("/probe/notes/" + java.util.UUID.randomUUID())
                .then().header("X-Correlation-ID", "checkout-7f3a:retry.2")
                .body("correlationId", equalTo("checkout-7f3a:retry.2"));
    }

    @Test
    void generatesOneWhenTheRequestHasNone() {
        given().get("/probe/boom")
                .then().statusCode(500).header("X-Correlation-ID", matchesPattern(UUID_PATTERN));
    }

    @Test
    void replacesAMalformedCorrelationIdInsteadOfEchoingIt() {
        given().header("X-Correlation-ID", "<script>alert(1)</script>")
                .get("/probe/notes/" + java.util.UUID.randomUUID())
                .then().statusCode(404).header("X-Correlation-ID", matchesPattern(UUID_PATTERN));
    }
}
