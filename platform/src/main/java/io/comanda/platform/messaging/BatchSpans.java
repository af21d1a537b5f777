package io.comanda.platform.messaging;

import io.comanda.platform.messaging.BatchConsumerPolicy.Rejection;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * One consumer span per event of a batch, each a child of the trace its record carries, so that the
 * work of a batch shows in every flow it serves (a batch span would sit in one trace only). The spans
 * start when the batch is handed over and end with it; a rejected event's span ends as an error.
 * The span processor marks each with the correlation id and order read from its record.
 */
final class BatchSpans {

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    BatchSpans(OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer("io.comanda.platform.messaging");
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
    }

    /** Starts a span for each readable event of a batch, in the trace of its record. */
    Started start(String consumer, Map<IncomingEvent, KafkaRecord<String, byte[]>> events) {
        Map<IncomingEvent, Span> spans = new IdentityHashMap<>();
        Map<IncomingEvent, Context> contexts = new IdentityHashMap<>();
        events.forEach((event, record) -> {
            Context parent = propagator.extract(Context.root(), IncomingEvents.metadata(record).getHeaders(), HEADERS);
            Span span = tracer.spanBuilder(consumer + " apply " + event.type())
                    .setParent(parent)
                    .setSpanKind(SpanKind.CONSUMER)
                    // As on the connector's receive spans: which group's processing this is.
                    .setAttribute("messaging.consumer.group.name", consumer)
                    .setAttribute("messaging.batch.message_count", (long) events.size())
                    .startSpan();
            spans.put(event, span);
            contexts.put(event, parent.with(span));
        });
        return new Started(spans, contexts);
    }

    /** The spans of one batch in progress. */
    static final class Started {

        private final Map<IncomingEvent, Span> spans;
        private final Map<IncomingEvent, Context> contexts;

        private Started(Map<IncomingEvent, Span> spans, Map<IncomingEvent, Context> contexts) {
            this.spans = spans;
            this.contexts = contexts;
        }

        /** The event with its span's context (and what its record carried), for work done for it alone. */
        TracedEvent traced(IncomingEvent event) {
            return new TracedEvent(event, contexts.getOrDefault(event, Context.root()));
        }

        /** Ends every span; those of rejected events as errors, with the reason. */
        void end(List<Rejection> rejections) {
            for (Rejection rejection : rejections) {
                Span span = spans.remove(rejection.event());
                if (span != null) {
                    span.setStatus(StatusCode.ERROR, String.valueOf(rejection.reason().getMessage()));
                    span.end();
                }
            }
            spans.values().forEach(Span::end);
            spans.clear();
        }

        /** Ends every span still open as an error: the batch failed past its retries and parking. */
        void fail(Throwable failure) {
            spans.values().forEach(span -> {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
                span.end();
            });
            spans.clear();
        }
    }
}
