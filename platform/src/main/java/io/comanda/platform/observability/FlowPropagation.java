package io.comanda.platform.observability;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.quarkus.opentelemetry.runtime.propagation.TextMapPropagatorCustomizer;
import jakarta.inject.Singleton;

/** Extracts the flow's context ({@link FlowContextPropagator}) wherever the W3C trace context is extracted. */
@Singleton
public class FlowPropagation implements TextMapPropagatorCustomizer {

    @Override
    public TextMapPropagator customize(Context context) {
        TextMapPropagator propagator = context.propagator();
        if (propagator instanceof W3CTraceContextPropagator) {
            return TextMapPropagator.composite(propagator, new FlowContextPropagator());
        }
        return propagator;
    }
}
