package io.comanda.platform.observability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where a service's spans go. The same build serves every environment: compose keeps the default
 * {@code otlp} (Quarkus' own exporter, to Jaeger), the local stack and tests choose {@code zipkin}.
 */
@ConfigMapping(prefix = "comanda.tracing")
public interface TracingConfig {

    /** {@code otlp} (Quarkus' exporter, {@code quarkus.otel.exporter.otlp.*}) or {@code zipkin}. */
    @WithDefault("otlp")
    String exporter();

    Zipkin zipkin();

    interface Zipkin {
        /** The span intake of a Zipkin server (Jaeger accepts the same format). */
        @WithDefault("http://127.0.0.1:9411/api/v2/spans")
        String endpoint();
    }
}
