package io.comanda.e2e;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetricNamesTest {

    @Test
    void findsTheMetricsOfAnExpressionNotItsFunctionsLabelsOrRanges() {
        assertThat(MetricNames.usedIn(List.of(
                "histogram_quantile(0.99, sum by (consumer_group, le) (rate(comanda_consumer_event_age_seconds_bucket"
                        + "{uri=\"/orders\", peer_service=\"x\"}[5m]))) > 60",
                "max(comanda_orders_pending_stale) > 0")))
                .containsExactly("comanda_consumer_event_age_seconds_bucket", "comanda_orders_pending_stale");
    }

    @Test
    void readsTheSeriesNamesOfAnExposition() {
        assertThat(MetricNames.exposed("""
                # HELP a_total Something
                # TYPE a_total counter
                a_total{consumer="x"} 1.0
                b_seconds_bucket{le="0.1"} 3
                """)).containsExactly("a_total", "b_seconds_bucket");
    }

    @Test
    void everyDashboardAndAlertRuleHasAnExpressionWithAMetric() throws Exception {
        assertThat(ObservabilityFiles.expressions()).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(expression -> assertThat(MetricNames.usedIn(List.of(expression))).isNotEmpty());
    }
}
