package io.comanda.platform.observability;

import io.comanda.platform.correlation.CorrelationId;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Marks every span with {@code comanda.correlation_id}, so that a trace store finds each span of a
 * flow by it, not only the entry spans. The id comes from the context the span starts in: read from
 * the record or request ({@link FlowContextPropagator}), else the work in progress (the MDC), else the
 * parent span. A consumer span also gets the order it is about and its attempt: 1, then 2 for the
 * first delayed retry, and so on, each attempt a span of the same trace.
 */
@Singleton
public class FlowSpanProcessor implements SpanProcessor {

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        correlationId(parentContext).ifPresent(id -> span.setAttribute(SpanAttributes.CORRELATION_ID, id));
        if (span.getKind() == SpanKind.CONSUMER) {
            Optional.ofNullable(parentContext.get(FlowContextPropagator.ORDER_ID))
                    .ifPresent(order -> span.setAttribute(SpanAttributes.ORDER_ID, order));
        }
        // A batch consumer retries a record in place: its calls to other parties say which attempt they serve.
        if (span.getKind() == SpanKind.CONSUMER || span.getKind() == SpanKind.CLIENT) {
            Optional.ofNullable(parentContext.get(FlowContextPropagator.ATTEMPT))
                    .ifPresent(attempt -> span.setAttribute(SpanAttributes.ATTEMPT, attempt));
        }
    }

    private static Optional<String> correlationId(Context parentContext) {
        return Optional.ofNullable(parentContext.get(FlowContextPropagator.CORRELATION_ID))
                .or(CorrelationId::current)
                .or(() -> Span.fromContext(parentContext) instanceof ReadableSpan parent
                        ? Optional.ofNullable(parent.getAttribute(SpanAttributes.CORRELATION_ID))
                        : Optional.empty());
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
