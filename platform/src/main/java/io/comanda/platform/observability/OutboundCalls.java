package io.comanda.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Predicate;

/**
 * A call to an outside party through a client library that Quarkus does not instrument (e.g. the
 * Stripe SDK's own HTTP client): a client span in the current trace, and the
 * {@code comanda.outbound.requests} timer tagged with the peer, the operation and the outcome
 * ({@code ok}, or the exception's simple class name), so its latency and errors show on dashboards.
 * An exception the caller names as an expected outcome (a declined card) is tagged the same way but
 * does not mark the span as an error: the call worked, the answer was no.
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
     * One call to an outside party, throwing what the client library throws.
     *
     * @param <T> what it returns
     * @param <X> the checked exception it throws
     */
    @FunctionalInterface
    public interface Call<T, X extends Exception> {
        T call() throws X;
    }

    /**
     * Runs {@code call} as one client call to {@code peer}; any exception marks the span as an error.
     *
     * @param peer      who is called, e.g. {@code stripe}; the span's {@code peer.service}
     * @param operation what is asked, e.g. {@code POST /v1/payment_intents}; part of the span name
     */
    public <T, X extends Exception> T call(String peer, String operation, Call<T, X> call) throws X {
        return call(peer, operation, failure -> false, call);
    }

    /**
     * Runs {@code call} as one client call to {@code peer}.
     *
     * @param peer      who is called, e.g. {@code stripe}; the span's {@code peer.service}
     * @param operation what is asked, e.g. {@code POST /v1/payment_intents}; part of the span name
     * @param outcome   which exceptions are answers the caller expects (e.g. a declined card) rather than
     *                  errors: they are recorded on the span without marking it as failed
     */
    public <T, X extends Exception> T call(String peer, String operation, Predicate<? super Exception> outcome,
                                           Call<T, X> call) throws X {
        Span span = tracer.spanBuilder(peer + " " + operation).setSpanKind(SpanKind.CLIENT)
                .setAttribute("peer.service", peer)
                .startSpan();
        Timer.Sample sample = Timer.start(metrics);
        String result = "ok";
        try (Scope ignored = span.makeCurrent()) {
            return call.call();
        } catch (Exception e) {
            result = e.getClass().getSimpleName();
            span.recordException(e);
            if (!outcome.test(e)) {
                span.setStatus(StatusCode.ERROR, result);
            }
            throw e;
        } finally {
            sample.stop(metrics.timer("comanda.outbound.requests", "peer", peer, "operation", operation,
                    "outcome", result));
            span.end();
        }
    }
}
