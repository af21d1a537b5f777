package io.comanda.notifications;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.MalformedRequestSender;
import io.comanda.devstack.clients.MalformedRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's one HTTP endpoint, the WebSocket upgrade of {@code /orders/live}, meets a generated
 * corpus of at least 500 bad requests as plain HTTP: none is answered with 500 or more, and every error
 * is problem+json with its type, title and status.
 */
@QuarkusTest
class MalformedRequestsIT {

    @Test
    void noMalformedRequestToTheLiveStatusEndpointGetsAServerErrorAndEveryErrorIsAProblem() {
        List<MalformedRequests.MalformedRequest> corpus =
                MalformedRequests.forEndpoint("GET", "/orders/live", Map.of(), List.of("order"), null, 500);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);

        List<String> violations = MalformedRequestSender.violations("http://localhost:" + RestAssured.port,
                Customers.token(LocalUser.ALICE), corpus);

        assertThat(violations).isEmpty();
    }
}
