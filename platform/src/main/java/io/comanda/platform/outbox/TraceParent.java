package io.comanda.platform.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

import java.util.Optional;

/** The W3C {@code traceparent} value of the current span, stored on outbox rows. */
final class TraceParent {

    private TraceParent() {
    }

    static Optional<String> ofCurrentSpan() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex());
    }
}
