package io.comanda.platform.problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The problem types clients branch on: stable URIs, and the general type of each HTTP status. */
class ProblemTypeTest {

    @Test
    void everyTypeHasItsOwnStableUrn() {
        assertThat(Arrays.stream(ProblemType.values()).map(t -> t.uri().toString()))
                .doesNotHaveDuplicates()
                .allMatch(uri -> uri.matches("urn:comanda:problem:[a-z]+(-[a-z]+)*"));
        assertThat(ProblemType.VALIDATION.uri()).hasToString("urn:comanda:problem:validation");
        assertThat(ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT.uri()).hasToString("urn:comanda:problem:idempotency-key-in-flight");
        assertThat(ProblemType.INTERNAL.uri()).hasToString("urn:comanda:problem:internal");
    }

    @Test
    void everyTypeHasATitleAndAnErrorStatus() {
        assertThat(ProblemType.values()).allSatisfy(type -> {
            assertThat(type.title()).isNotBlank();
            assertThat(type.status()).isBetween(400, 599);
        });
    }

    @Test
    void theIdempotencyProblemsShareTheStatusOfTheirGeneralType() {
        assertThat(ProblemType.IDEMPOTENCY_KEY_REQUIRED.status()).isEqualTo(400);
        assertThat(ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT.status()).isEqualTo(409);
        assertThat(ProblemType.IDEMPOTENCY_KEY_REUSED.status()).isEqualTo(422);
    }

    @ParameterizedTest
    @CsvSource({"400, VALIDATION", "401, UNAUTHORIZED", "403, FORBIDDEN", "404, NOT_FOUND", "405, METHOD_NOT_ALLOWED",
            "406, NOT_ACCEPTABLE", "409, CONFLICT", "413, PAYLOAD_TOO_LARGE", "415, UNSUPPORTED_MEDIA_TYPE",
            "422, UNPROCESSABLE", "503, UNAVAILABLE", "500, INTERNAL", "502, INTERNAL", "504, INTERNAL",
            "418, VALIDATION"})
    void eachStatusHasItsGeneralType(int status, ProblemType expected) {
        assertThat(ProblemType.forStatus(status)).isEqualTo(expected);
    }

    @Test
    void theGeneralTypeOfAStatusAnswersWithThatStatus() {
        for (int status : new int[]{400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 500, 503}) {
            assertThat(ProblemType.forStatus(status).status()).as("status %d", status).isEqualTo(status);
        }
    }
}
