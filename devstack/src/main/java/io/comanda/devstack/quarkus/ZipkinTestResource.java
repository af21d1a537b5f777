package io.comanda.devstack.quarkus;

import java.util.Map;

/**
 * A real Zipkin server the service exports every span to, as in the local stack. Sets
 * {@code comanda.tracing.exporter=zipkin}, {@code comanda.tracing.zipkin.endpoint},
 * {@code quarkus.otel.traces.exporter=cdi} (the exporter Quarkus takes from the platform) and
 * {@code comanda.test.zipkin-url}, where a test reads traces back.
 */
public class ZipkinTestResource extends SharedPartResource {

    @Override
    public Map<String, String> start() {
        SharedParts.Zipkin zipkin = TestStack.zipkin();
        return Map.of(
                "comanda.tracing.exporter", "zipkin",
                "comanda.tracing.zipkin.endpoint", zipkin.spansEndpoint(),
                "quarkus.otel.traces.exporter", "cdi",
                "quarkus.otel.bsp.schedule.delay", "200ms",
                "comanda.test.zipkin-url", zipkin.url());
    }
}
