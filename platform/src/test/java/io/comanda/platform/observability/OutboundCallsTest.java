package io.comanda.platform.observability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An outbound call's span and timer tell an error from an answer the caller expects. */
class OutboundCallsTest {

    private final CollectedSpans collected = new CollectedSpans();
    private final List<SpanData> spans = collected.spans();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(collected)).build();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final OutboundCalls outbound = new OutboundCalls(tracing.get("test"), metrics);

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void aFailedCallMarksItsSpanAsAnErrorAndRethrowsTheCheckedException() {
        assertThatThrownBy(() -> outbound.call("bank", "POST /transfers", () -> {
            throw new IOException("connection reset");
        })).isInstanceOf(IOException.class);

        assertThat(spans).singleElement().satisfies(span -> {
            assertThat(span.getName()).isEqualTo("bank POST /transfers");
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        });
        assertThat(outcomeCount("IOException")).isEqualTo(1);
    }

    @Test
    void anExpectedOutcomeIsTaggedButDoesNotMarkTheSpanAsAnError() {
        assertThatThrownBy(() -> outbound.call("bank", "POST /transfers", Declined.class::isInstance, () -> {
            throw new Declined();
        })).isInstanceOf(Declined.class);

        assertThat(spans).singleElement().satisfies(span -> {
            assertThat(span.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
            assertThat(span.getEvents()).anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
        });
        assertThat(outcomeCount("Declined")).isEqualTo(1);
    }

    @Test
    void aSucceededCallReturnsItsResultTaggedOk() throws Exception {
        assertThat(outbound.call("bank", "GET /balance", () -> 42)).isEqualTo(42);

        assertThat(spans).singleElement().satisfies(
                span -> assertThat(span.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR));
        assertThat(outcomeCount("ok")).isEqualTo(1);
    }

    private long outcomeCount(String outcome) {
        return metrics.get("comanda.outbound.requests").tag("outcome", outcome).timer().count();
    }

    private static final class Declined extends Exception {
    }
}
