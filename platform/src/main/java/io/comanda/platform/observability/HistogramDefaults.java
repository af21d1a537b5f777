package io.comanda.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Publishes the timers a person reads when the API is slow as Prometheus histograms (buckets), so
 * p50 and p99 can be computed over any window and across instances with {@code histogram_quantile}:
 * HTTP server requests, and every {@code comanda.*} timer (consumer event age and processing time,
 * 201 to CONFIRMED, outbound calls such as Stripe's).
 */
@Singleton
public class HistogramDefaults implements MeterFilter {

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !isReadByDashboards(id.getName())) {
            return config;
        }
        return DistributionStatisticConfig.builder()
                .percentilesHistogram(true)
                .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                .maximumExpectedValue((double) Duration.ofMinutes(10).toNanos())
                .build()
                .merge(config);
    }

    private static boolean isReadByDashboards(String name) {
        return name.equals("http.server.requests") || name.startsWith("comanda.");
    }
}
