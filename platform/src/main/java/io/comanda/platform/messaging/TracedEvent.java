package io.comanda.platform.messaging;

import io.comanda.platform.correlation.CorrelationId;
import io.comanda.platform.observability.SpanAttributes;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

import java.util.function.Supplier;

/**
 * An event of a batch with the trace context of its own consumer span ({@link BatchSpans}), so that
 * work done for it alone (a call to a provider, the outbox row announcing its outcome) joins its flow's
 * trace and carries its correlation id, whichever thread does it.
 *
 * @param event the event, as the batch policy read it (rejections and retries name it by identity)
 * @param trace the context whose current span is the event's consumer span
 */
public record TracedEvent(IncomingEvent event, Context trace) {

    /** This event as attempt {@code attempt} (2 for the first retry), for the spans of its work to say so. */
    public TracedEvent attempt(long attempt) {
        return new TracedEvent(event, SpanAttributes.withAttempt(trace, attempt));
    }

    /**
     * Runs {@code work} with this event's span current and its correlation id in the logging context,
     * then restores what was current before: safe on an event loop between two events of a batch and on
     * a worker thread alike.
     */
    public <T> T within(Supplier<T> work) {
        String outer = CorrelationId.current().orElse(null);
        CorrelationId.set(CorrelationId.acceptOrGenerate(event.correlationId()));
        try (Scope ignored = trace.makeCurrent()) {
            return work.get();
        } finally {
            if (outer == null) {
                CorrelationId.clear();
            } else {
                CorrelationId.set(outer);
            }
        }
    }
}
