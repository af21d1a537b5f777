package io.comanda.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.platform.correlation.CorrelationId;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds {@code application/problem+json} responses that carry the current correlation id. */
public final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    public static Response of(ProblemType type, String detail, String path) {
        return of(type, detail, path, List.of());
    }

    public static Response of(ProblemType type, String detail, String path, List<Problem.FieldError> errors) {
        Problem problem = new Problem(type.uri().toString(), type.title(), type.status(), detail, path,
                CorrelationId.current().orElse(null), errors);
        return Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(write(problem))
                .build();
    }

    private static String write(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            // A record of strings always serialises; keep the response a problem even so.
            return "{\"type\":\"" + ProblemType.INTERNAL.uri() + "\",\"status\":500}";
        }
    }
}
