package io.comanda.searchindexer;

import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.MalformedRequestSender;
import io.comanda.devstack.clients.MalformedRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint meets a generated corpus of at least 500 bad requests from an authenticated caller:
 * none is answered with 500 or more, and every error is problem+json with its type, title and status.
 * A rebuild is started by admins only: the corpus sends {@code POST /search/reindex} as a customer
 * (every answer a 403 problem), so it does not start 500 rebuilds under the other tests.
 */
@QuarkusTest
class MalformedRequestsIT {

    static Stream<Arguments> endpoints() {
        List<String> searchParameters = List.of("q", "status", "from", "to", "page", "size", "customer");
        return Stream.of(
                Arguments.of("GET", "/search/orders", searchParameters, LocalUser.OPS),
                Arguments.of("GET", "/search/orders", searchParameters, LocalUser.ALICE),
                Arguments.of("GET", "/search/reindex", List.of(), LocalUser.OPS),
                Arguments.of("POST", "/search/reindex", List.of(), LocalUser.ALICE));
    }

    @ParameterizedTest(name = "{0} {1} as {3}")
    @MethodSource("endpoints")
    void noMalformedRequestGetsAServerErrorAndEveryErrorIsAProblem(String method, String path,
                                                                   List<String> queryParameters, LocalUser caller) {
        List<MalformedRequests.MalformedRequest> corpus =
                MalformedRequests.forEndpoint(method, path, Map.of(), queryParameters, null, 500);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);

        List<String> violations = MalformedRequestSender.violations("http://localhost:" + RestAssured.port,
                Users.token(caller), corpus);

        assertThat(violations).isEmpty();
    }
}
