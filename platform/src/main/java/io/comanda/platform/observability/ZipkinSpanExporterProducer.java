package io.comanda.platform.observability;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The Zipkin exporter, looked up only when {@code comanda.tracing.exporter=zipkin}.
 *
 * <p>Quarkus exports through the {@link SpanExporter} beans it can look up, and installs its own OTLP
 * exporter only when there is none; deciding the lookup at run time lets one build export to Zipkin
 * in the local stack and over OTLP in compose.
 */
public class ZipkinSpanExporterProducer {

    @Produces
    @Singleton
    @LookupIfProperty(name = "comanda.tracing.exporter", stringValue = "zipkin")
    SpanExporter zipkin(TracingConfig config) {
        return ZipkinSpanExporter.builder().setEndpoint(config.zipkin().endpoint()).build();
    }
}
