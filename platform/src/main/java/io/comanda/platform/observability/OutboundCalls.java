package io.comanda.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Callable;

/**
 * A call to an outside party through a client library that Quarkus does not instrument (e.g. the
 * Stripe SDK's own HTTP client): a client span in the current trace, and the
 * {@code comanda.outbound.requests} timer tagged with the peer, the operation and the outcome
 * ({@code ok}, or the exception's simple class name), so its latency and errors show on dashboards.
 */
@ApplicationScoped
public class OutboundCalls {

    private final Tracer tracer;
    private final MeterRegistry metrics;

    public OutboundCalls(Tracer tracer, MeterRegistry metrics) {
        this.tracer = tracer;
        this.metrics = metrics;
    }

    /**
     * Runs {@code call} as one client call to {@code peer}.
     *
     * @param peer      who is called, e.g. {@code stripe}; the span's {@code peer.service}
     * @param operation what is asked, e.g. {@code POST /v1/payment_intents}; part of the span name
     */
    public <T> T call(String peer, String operation, Callable<T> call) throws Exception {
        Span span = tracer.spanBuilder(peer + " " + operation).setSpanKind(SpanKind.CLIENT)
                .setAttribute("peer.service", peer)
                .startSpan();
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "ok";
        try (Scope ignored = span.makeCurrent()) {
            return call.call();
        } catch (Exception e) {
            outcome = e.getClass().getSimpleName();
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, outcome);
            throw e;
        } finally {
            sample.stop(metrics.timer("comanda.outbound.requests", "peer", peer, "operation", operation,
                    "outcome", outcome));
            span.end();
        }
    }
}
