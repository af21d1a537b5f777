package io.comanda.platform.observability;

import io.opentelemetry.api.trace.Span;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * Describes the span of one record's processing: the flow's correlation id, the order, the consumer
 * and which attempt this is. SmallRye's delayed-retry strategy counts the redeliveries of a record in
 * its {@code delayed-retry-count} header, so the first processing is attempt 1 and each retry adds one;
 * the retried record keeps the original {@code traceparent}, so every attempt is a span of one trace.
 */
public final class ConsumedRecordSpan {

    static final String RETRY_COUNT_HEADER = "delayed-retry-count";

    private ConsumedRecordSpan() {
    }

    /** Marks the current span as {@code consumer}'s processing of the record with {@code key} and {@code headers}. */
    public static void describe(String consumer, String key, Headers headers, String correlationId) {
        Span span = Span.current();
        span.setAttribute(SpanAttributes.CORRELATION_ID, correlationId);
        span.setAttribute(SpanAttributes.CONSUMER, consumer);
        span.setAttribute(SpanAttributes.ATTEMPT, attempt(headers));
        if (key != null) {
            span.setAttribute(SpanAttributes.ORDER_ID, key);
        }
    }

    /** 1 for the first delivery, n + 1 after n delayed retries. */
    static long attempt(Headers headers) {
        Header retries = headers.lastHeader(RETRY_COUNT_HEADER);
        if (retries == null || retries.value() == null) {
            return 1;
        }
        try {
            return 1 + Long.parseLong(new String(retries.value(), StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
