package io.comanda.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts the events a consumer received again after it had applied them, which its inbox absorbed: the
 * at-least-once delivery made visible ({@code comanda_consumer_duplicates_total{consumer}}). A crash
 * before an offset commit, a relay that published again after its own crash, a replayed dead letter
 * all show here, and none of them changes anything.
 */
@ApplicationScoped
public class DuplicateDeliveries {

    /** The metric's name, as Micrometer takes it. */
    public static final String METRIC = "comanda.consumer.duplicates";

    private final MeterRegistry metrics;

    public DuplicateDeliveries(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** {@code count} events of {@code consumer} were found already applied. */
    public void absorbed(String consumer, int count) {
        if (count > 0) {
            counter(consumer).increment(count);
        }
    }

    /** Registers the consumer's series at zero, so that a dashboard or the fault suite finds it before any duplicate. */
    public void register(String consumer) {
        counter(consumer);
    }

    private Counter counter(String consumer) {
        return Counter.builder(METRIC).description("Events delivered again after they had been applied, absorbed by the inbox")
                .tag("consumer", consumer).register(metrics);
    }
}
