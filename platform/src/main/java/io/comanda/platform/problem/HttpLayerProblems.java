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
 * than {@code quarkus.http.limits.max-body-size} (413), a URI or headers over Comanda's limits (414,
 * 431), U+0000 in the path or query (400: PostgreSQL cannot store it), and failures of other
 * HTTP-level handlers, which would otherwise get a plain error page.
 *
 * <p>The URI and header limits are enforced here, below the HTTP codec's own (the platform's
 * configuration sets those four times higher): the codec refuses with an empty body, this with a
 * problem a client can read. Only a request beyond the codec's limits still gets the empty answer.
 */
public class HttpLayerProblems {

    private final long maxBodyBytes;
    private final int maxUriLength;
    private final int maxHeaderBytes;

    public HttpLayerProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
                             @ConfigProperty(name = "comanda.http.max-uri-length", defaultValue = "8192") int maxUriLength,
                             @ConfigProperty(name = "comanda.http.max-header-bytes", defaultValue = "16384")
                             int maxHeaderBytes) {
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.maxUriLength = maxUriLength;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    void installOn(@Observes Router router) {
        // Quarkus answers an oversized Content-Length itself, with an empty body: decide it first.
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedHead);
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBody);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answerFailure);
    }

    private void refuseOversizedHead(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > maxUriLength) {
            answer(context, ProblemType.URI_TOO_LONG, "The request URI exceeds " + maxUriLength
                    + " characters; send fewer or shorter query parameters.");
            return;
        }
        int headerBytes = 0;
        for (var header : context.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderBytes) {
            answer(context, ProblemType.HEADERS_TOO_LARGE, "The request headers exceed " + maxHeaderBytes
                    + " bytes; send fewer or shorter headers.");
            return;
        }
        if (hasNul(context)) {
            answer(context, ProblemType.VALIDATION, "The request's path or query contains U+0000 or cannot be "
                    + "decoded; send text without it.");
            return;
        }
        context.next();
    }

    /** U+0000 in the decoded path or query, or a query that cannot be decoded at all. */
    private static boolean hasNul(RoutingContext context) {
        String uri = context.request().uri();
        if (!uri.contains("%00") && uri.indexOf('\0') < 0) {
            return false;
        }
        if (context.request().path().contains("%00")) {
            return true;
        }
        try {
            return context.queryParams().entries().stream().anyMatch(parameter ->
                    parameter.getKey().indexOf('\0') >= 0 || parameter.getValue().indexOf('\0') >= 0);
        } catch (IllegalArgumentException undecodable) {
            return true;
        }
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
