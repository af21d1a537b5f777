package io.comanda.devstack.clients;

import java.util.Arrays;

/**
 * Reads sample values from a service's {@code /q/metrics} (Prometheus' text format, or OpenMetrics
 * with exemplars), for tests that check what a service counted.
 */
public final class MetricSamples {

    private MetricSamples() {
    }

    /**
     * The sum of the samples of {@code metric} over every label set whose line holds all {@code labels},
     * e.g. {@code sum(exposition, "comanda_consumer_retried_total", "consumer=\"payments-service\"")}.
     */
    public static double sum(String exposition, String metric, String... labels) {
        return exposition.lines()
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(MetricSamples::value).sum();
    }

    /** The value of a sample line, without the exemplar (trace id, value, time) OpenMetrics may append. */
    public static double value(String line) {
        String sample = line.contains(" # ") ? line.substring(0, line.indexOf(" # ")) : line;
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }
}
