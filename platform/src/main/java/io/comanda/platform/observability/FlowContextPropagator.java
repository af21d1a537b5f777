package io.comanda.platform.observability;

import io.comanda.platform.correlation.CorrelationId;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;

import java.util.List;

/**
 * Reads, next to the W3C trace context, what a span needs to be found by when it starts: the
 * correlation id ({@code ce_correlationid} on a Kafka record, {@code X-Correlation-ID} on a request),
 * the order ({@code ce_subject}) and the delayed-retry count of a redelivered record. Instrumentations
 * that start a span from a carrier and end it at once (the Kafka connector's receive span) never let
 * application code mark it, so {@link FlowSpanProcessor} reads these from the span's parent context.
 * Injects nothing: the outbox row carries the correlation id onward.
 */
final class FlowContextPropagator implements TextMapPropagator {

    static final ContextKey<String> CORRELATION_ID = ContextKey.named("comanda.correlation_id");
    static final ContextKey<String> ORDER_ID = ContextKey.named("comanda.order_id");
    static final ContextKey<Long> ATTEMPT = ContextKey.named("comanda.attempt");

    static final String CE_CORRELATION_ID = "ce_correlationid";
    static final String CE_SUBJECT = "ce_subject";
    static final String RETRY_COUNT = "delayed-retry-count";

    @Override
    public List<String> fields() {
        return List.of();
    }

    @Override
    public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    }

    @Override
    public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
        if (carrier == null) {
            return context;
        }
        Context extracted = context;
        String correlationId = first(getter.get(carrier, CE_CORRELATION_ID), getter.get(carrier, CorrelationId.HEADER));
        if (CorrelationId.isWellFormed(correlationId)) {
            extracted = extracted.with(CORRELATION_ID, correlationId);
        }
        String subject = getter.get(carrier, CE_SUBJECT);
        if (subject != null && !subject.isBlank()) {
            extracted = extracted.with(ORDER_ID, subject);
            extracted = extracted.with(ATTEMPT, attempt(getter.get(carrier, RETRY_COUNT)));
        }
        return extracted;
    }

    /** 1 for a first delivery, n + 1 after n delayed retries. */
    static long attempt(String retryCount) {
        if (retryCount == null) {
            return 1;
        }
        try {
            return 1 + Long.parseLong(retryCount.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
