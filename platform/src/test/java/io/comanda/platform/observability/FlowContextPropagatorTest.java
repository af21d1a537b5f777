package io.comanda.platform.observability;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FlowContextPropagatorTest {

    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final FlowContextPropagator propagator = new FlowContextPropagator();

    @Test
    void readsTheCorrelationIdOrderAndFirstAttemptOfARecord() {
        Context context = propagator.extract(Context.root(),
                Map.of("ce_correlationid", "checkout-42", "ce_subject", "order-7"), HEADERS);

        assertThat(context.get(FlowContextPropagator.CORRELATION_ID)).isEqualTo("checkout-42");
        assertThat(context.get(FlowContextPropagator.ORDER_ID)).isEqualTo("order-7");
        assertThat(context.get(FlowContextPropagator.ATTEMPT)).isEqualTo(1L);
    }

    @Test
    void countsARedeliveredRecordsAttemptFromItsDelayedRetryCount() {
        Context context = propagator.extract(Context.root(),
                Map.of("ce_subject", "order-7", "delayed-retry-count", "2"), HEADERS);

        assertThat(context.get(FlowContextPropagator.ATTEMPT)).isEqualTo(3L);
    }

    @Test
    void readsTheCorrelationIdOfARequest() {
        Context context = propagator.extract(Context.root(), Map.of("X-Correlation-ID", "web-1"), HEADERS);

        assertThat(context.get(FlowContextPropagator.CORRELATION_ID)).isEqualTo("web-1");
        assertThat(context.get(FlowContextPropagator.ATTEMPT)).as("not a record").isNull();
    }

    @Test
    void ignoresAMalformedCorrelationId() {
        Context context = propagator.extract(Context.root(), Map.of("X-Correlation-ID", "<script>"), HEADERS);

        assertThat(context.get(FlowContextPropagator.CORRELATION_ID)).isNull();
    }
}
