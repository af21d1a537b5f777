package io.comanda.orders;

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
 * Every endpoint meets a generated corpus of at least 500 bad requests (wrong types and shapes, random
 * bytes, deep nesting, huge values, wrong content types, paging out of range, bad path segments,
 * oversized headers) from an authenticated caller: none is answered with 500 or more, and every error
 * is problem+json with its type, title and status.
 */
@QuarkusTest
class MalformedRequestsIT {

    private static final String ORDER = """
            {"items":[{"sku":"ESPRESSO-250G","quantity":2},{"sku":"MOKA-POT-3","quantity":1}],\
            "paymentMethod":"pm_card_visa","note":"corpus"}""";

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("POST", "/orders", Map.of(), List.of(), ORDER, LocalUser.ALICE),
                Arguments.of("GET", "/orders", Map.of(), List.of("status", "customer", "page", "size"), null,
                        LocalUser.OPS),
                Arguments.of("GET", "/orders", Map.of(), List.of("status", "page", "size"), null, LocalUser.ALICE),
                Arguments.of("GET", "/orders/{id}", Map.of("id", "7d9f8a3e-2c1b-4e5f-9a8b-1c2d3e4f5a6b"), List.of(),
                        null, LocalUser.ALICE),
                Arguments.of("GET", "/products", Map.of(), List.of(), null, LocalUser.ALICE));
    }

    @ParameterizedTest(name = "{0} {1} as {5}")
    @MethodSource("endpoints")
    void noMalformedRequestGetsAServerErrorAndEveryErrorIsAProblem(String method, String path,
                                                                   Map<String, String> pathExamples,
                                                                   List<String> queryParameters, String body,
                                                                   LocalUser caller) {
        List<MalformedRequests.MalformedRequest> corpus =
                MalformedRequests.forEndpoint(method, path, pathExamples, queryParameters, body, 500);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);

        List<String> violations = MalformedRequestSender.violations("http://localhost:" + RestAssured.port,
                Customers.token(caller), corpus);

        assertThat(violations).isEmpty();
    }
}
