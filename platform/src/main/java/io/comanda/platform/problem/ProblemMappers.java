package io.comanda.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.comanda.platform.correlation.CorrelationId;
import io.comanda.platform.logging.UntrustedText;
import io.comanda.platform.sql.BusyDatabase;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every exception that reaches the HTTP layer into RFC 9457 problem+json: validation failures
 * with their fields, the service's own {@link ProblemException}s, JAX-RS status exceptions, and a
 * generic 500 that tells the client nothing about internals but the correlation id to quote.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int BUSY_RETRY_AFTER_SECONDS = 1;

    @ServerExceptionMapper
    public Response validation(ResteasyReactiveViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e.type(), e.detail(), uri.getPath());
    }

    /** Needs {@code quarkus.http.auth.proactive=false}, so authentication fails inside JAX-RS. */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(ProblemResponses.of(ProblemType.UNAUTHORIZED,
                        defaultDetail(ProblemType.UNAUTHORIZED, uri), uri.getPath()))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, defaultDetail(ProblemType.FORBIDDEN, uri), uri.getPath());
    }

    /** Quarkus' own mapper of this type would answer a bare 400; a client needs to know what to fix. */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        String detail = "The request body is not valid JSON";
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class
                && !invalid.getPath().isEmpty()) {
            detail = "The request body has an invalid text at '" + jsonPath(invalid) + "': "
                    + invalid.getOriginalMessage().replaceFirst("^.*: ", "");
        } else if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            detail = "The request body has a value of the wrong type at '" + jsonPath(mismatch) + "'";
        } else if (e instanceof MismatchedInputException) {
            detail = "The request body must be a JSON object with the documented fields";
        } else if (e.getLocation() != null) {
            detail += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, detail, uri.getPath());
    }

    @ServerExceptionMapper
    public Response status(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableBody(json, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        return ProblemResponses.of(type, defaultDetail(type, uri), uri.getPath());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (BusyDatabase.causedBy(e)) {
            return busy(uri);
        }
        LOG.errorf(e, "Unexpected error on %s (correlation id %s)", UntrustedText.of(uri.getPath()),
                CorrelationId.current().orElse("none"));
        return ProblemResponses.of(ProblemType.INTERNAL,
                "Something went wrong on our side. If it persists, report it with the correlation id "
                        + CorrelationId.current().orElse("of the response") + ".", uri.getPath());
    }

    /** Every database connection is taken and the waiting is full: shed the request, keep the heap. */
    private static Response busy(UriInfo uri) {
        return Response.fromResponse(ProblemResponses.of(ProblemType.UNAVAILABLE,
                        "The service is busy. Retry the same request after a second.", uri.getPath()))
                .header("Retry-After", BUSY_RETRY_AFTER_SECONDS)
                .build();
    }

    private Response violations(ConstraintViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue)) {
            // The service broke its own contract: the client cannot fix that.
            return unexpected(e, uri);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return ProblemResponses.of(ProblemType.VALIDATION, "Fix these fields and retry: " + fields,
                uri.getPath(), errors);
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** The path of the violation inside the request, without the Java method and parameter names. */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            // A node inside a list or map carries the element's index or key: items[0].quantity.
            if (node.isInIterable() && field.length() > 0) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.length() > 0 ? field.toString() : parameter == null ? "request" : parameter;
    }

    private static String jsonPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String defaultDetail(ProblemType type, UriInfo uri) {
        return switch (type) {
            case NOT_FOUND -> "Nothing exists at " + uri.getPath() + ".";
            case METHOD_NOT_ALLOWED -> "This method is not supported on " + uri.getPath() + ".";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json.";
            case NOT_ACCEPTABLE -> "This resource answers with application/json only.";
            case PAYLOAD_TOO_LARGE -> "The request body exceeds the size limit.";
            case UNAUTHORIZED -> "Send a valid bearer token in the Authorization header.";
            case FORBIDDEN -> "Your account lacks the role this operation needs.";
            default -> type.title() + ".";
        };
    }
}
