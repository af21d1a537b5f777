package io.comanda.platform.observability;

import io.comanda.platform.correlation.CorrelationId;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Marks every span with {@code comanda.correlation_id}, so that a trace store finds each span of a
 * flow by it, not only the entry spans: the id of the work in progress when the span starts, else its
 * parent's (a span started off the request's context, e.g. by a client library).
 */
@Singleton
public class CorrelationIdSpanProcessor implements SpanProcessor {

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        CorrelationId.current().or(() -> ofParent(parentContext))
                .ifPresent(id -> span.setAttribute(CorrelationId.SPAN_ATTRIBUTE, id));
    }

    private static Optional<String> ofParent(Context parentContext) {
        if (Span.fromContext(parentContext) instanceof ReadableSpan parent) {
            return Optional.ofNullable(parent.getAttribute(SpanAttributes.CORRELATION_ID));
        }
        return Optional.empty();
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
