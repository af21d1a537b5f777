package io.comanda.devstack.clients;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricSamplesTest {

    private static final String EXPOSITION = """
            # TYPE comanda_consumer_retried_total counter
            comanda_consumer_retried_total{consumer="payments-service"} 3.0
            comanda_consumer_retried_total{consumer="orders-service"} 2.0 # {trace_id="4bf92f3577b34da6"} 1.0 1700000000.000
            comanda_consumer_retried_total_created{consumer="orders-service"} 1.7E9
            comanda_consumer_processed_total{consumer="payments-service"} 40.0
            """;

    @Test
    void sumsEveryLabelSetOfTheMetricWithoutTheExemplar() {
        assertThat(MetricSamples.sum(EXPOSITION, "comanda_consumer_retried_total")).isEqualTo(5.0);
    }

    @Test
    void sumsOnlyTheSamplesHoldingTheLabels() {
        assertThat(MetricSamples.sum(EXPOSITION, "comanda_consumer_retried_total", "consumer=\"orders-service\""))
                .isEqualTo(2.0);
        assertThat(MetricSamples.sum(EXPOSITION, "comanda_consumer_retried_total", "consumer=\"search-indexer\""))
                .isZero();
    }

    @Test
    void readsTheValueOfOneSampleLine() {
        assertThat(MetricSamples.value("comanda_orders_total 7.0 # {trace_id=\"ab\"} 1.0")).isEqualTo(7.0);
    }
}
