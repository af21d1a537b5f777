package io.comanda.platform.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A record retried in place says which attempt its calls to other parties serve, as a redelivery does. */
class InPlaceRetryAttemptTest {

    private final CollectedSpans collected = new CollectedSpans();
    private final List<SpanData> spans = collected.spans();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(new FlowSpanProcessor())
            .addSpanProcessor(SimpleSpanProcessor.create(collected)).build();
    private final Tracer tracer = tracing.get("test");

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void theCallsOfTheThirdAttemptCarryAttemptThree() {
        Span consumer = tracer.spanBuilder("payments-service apply OrderPlaced").setSpanKind(SpanKind.CONSUMER).startSpan();
        Context third = SpanAttributes.withAttempt(Context.root().with(consumer), 3);

        try (Scope ignored = third.makeCurrent()) {
            tracer.spanBuilder("stripe POST /v1/payment_intents").setSpanKind(SpanKind.CLIENT).startSpan().end();
            tracer.spanBuilder("a step of its own").startSpan().end();
        }
        consumer.end();

        assertThat(spans).filteredOn(span -> span.getKind() == SpanKind.CLIENT).singleElement()
                .satisfies(span -> assertThat(span.getAttributes().get(SpanAttributes.ATTEMPT)).isEqualTo(3L));
        assertThat(spans).filteredOn(span -> span.getKind() == SpanKind.INTERNAL).singleElement()
                .satisfies(span -> assertThat(span.getAttributes().get(SpanAttributes.ATTEMPT)).isNull());
    }
}
