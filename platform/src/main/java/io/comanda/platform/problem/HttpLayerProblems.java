package io.comanda.platform.problem;

import io.comanda.platform.correlation.CorrelationId;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Problem+json for errors the HTTP layer decides before any resource runs: a body announced larger
 * than {@code quarkus.http.limits.max-body-size} (413), and failures of other HTTP-level handlers,
 * which would otherwise get a plain error page.
 */
public class HttpLayerProblems {

    private final long maxBodyBytes;

    public HttpLayerProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void installOn(@Observes Router router) {
        // Quarkus answers an oversized Content-Length itself, with an empty body: decide it first.
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBody);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answerFailure);
    }

    private void refuseOversizedBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(context, ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body exceeds the size limit of " + maxBodyBytes + " bytes; send a smaller body.");
            return;
        }
        context.next();
    }

    private void answerFailure(RoutingContext context) {
        if (!context.response().headWritten() && answeredSecurityFailure(context)) {
            return;
        }
        int status = context.statusCode();
        if (context.response().headWritten() || status < 400) {
            context.next();
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        answer(context, type, type.title() + ".");
    }

    // Security checks of the HTTP layer (path permissions, a WebSocket upgrade) fail the route with the
    // exception, which Vert.x reports as status 500: answer what it means instead.
    private static boolean answeredSecurityFailure(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            answer(context, ProblemType.UNAUTHORIZED, "Send a valid bearer token in the Authorization header.");
            return true;
        }
        if (failure instanceof ForbiddenException) {
            answer(context, ProblemType.FORBIDDEN, "Your account lacks the role this operation needs.");
            return true;
        }
        return false;
    }

    private boolean isOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void answer(RoutingContext context, ProblemType type, String detail) {
        // The correlation filter has not run at this layer: take a well-formed header, else a fresh id.
        String correlationId = CorrelationId.acceptOrGenerate(context.request().getHeader(CorrelationId.HEADER));
        CorrelationId.set(correlationId);
        Response problem = ProblemResponses.of(type, detail, context.request().path());
        context.response()
                .setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(CorrelationId.HEADER, correlationId)
                .end(problem.getEntity().toString());
    }
}
