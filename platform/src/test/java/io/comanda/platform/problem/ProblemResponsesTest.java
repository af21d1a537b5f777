package io.comanda.platform.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.platform.correlation.CorrelationId;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The problem+json body every error response carries. */
class ProblemResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void forget() {
        CorrelationId.clear();
    }

    @Test
    void aProblemCarriesTypeTitleStatusDetailPathAndTheCurrentCorrelationId() throws Exception {
        CorrelationId.set("flow-7");

        Response response = ProblemResponses.of(ProblemType.CONFLICT, "The order is already confirmed.", "/orders/1");

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        assertThat(body(response)).isEqualTo(JSON.readTree("""
                {"type": "urn:comanda:problem:conflict", "title": "Conflict with the current state", "status": 409,
                 "detail": "The order is already confirmed.", "instance": "/orders/1", "correlationId": "flow-7"}
                """));
    }

    @Test
    void aValidationProblemListsTheOffendingFields() throws Exception {
        Response response = ProblemResponses.of(ProblemType.VALIDATION, "Fix these fields and retry: note", "/orders",
                List.of(new Problem.FieldError("note", "size must be between 0 and 500")));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).get("errors")).isEqualTo(JSON.readTree("""
                [{"field": "note", "message": "size must be between 0 and 500"}]
                """));
    }

    @Test
    void membersWithoutAValueAreLeftOut() throws Exception {
        JsonNode body = body(ProblemResponses.of(ProblemType.NOT_FOUND, "There is no order 1.", "/orders/1"));

        assertThat(body.has("errors")).isFalse();
        assertThat(body.has("correlationId")).isFalse();
        assertThat(body.get("type").asText()).isEqualTo("urn:comanda:problem:not-found");
    }

    static JsonNode body(Response response) throws Exception {
        return JSON.readTree(response.getEntity().toString());
    }
}
