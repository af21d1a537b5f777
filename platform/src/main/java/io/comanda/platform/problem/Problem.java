package io.comanda.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}), with Comanda's extension
 * members {@code correlationId} and, for validation problems, {@code errors}.
 *
 * @param type          a stable URI of the {@link ProblemType}
 * @param title         the type's short summary
 * @param status        the HTTP status
 * @param detail        what went wrong in this occurrence, written for the person who can fix it
 * @param instance      the request path
 * @param correlationId the id to quote when reporting it
 * @param errors        the offending fields, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      String correlationId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One field that failed validation.
     *
     * @param field   the path of the field in the request, e.g. {@code items[0].quantity}
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {
    }
}
