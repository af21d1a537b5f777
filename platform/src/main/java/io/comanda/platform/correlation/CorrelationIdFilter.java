package io.comanda.platform.correlation;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Accepts a well-formed {@code X-Correlation-ID} (else generates one), makes it current for logs and
 * outbox rows, marks the request's span with it, and echoes it on every response, errors included.
 */
public class CorrelationIdFilter {

    private static final String PROPERTY = CorrelationIdFilter.class.getName();

    // Before authentication and everything else, so even a 401 carries the id.
    @ServerRequestFilter(preMatching = true, priority = 1)
    public void accept(ContainerRequestContext request) {
        String id = CorrelationId.acceptOrGenerate(request.getHeaderString(CorrelationId.HEADER));
        request.setProperty(PROPERTY, id);
        CorrelationId.set(id);
        Span.current().setAttribute(CorrelationId.SPAN_ATTRIBUTE, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(CorrelationId.HEADER, id.toString());
        }
    }
}
