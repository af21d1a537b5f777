package io.comanda.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;

/**
 * The metrics every Comanda consumer reports, by record or by batch alike, each tagged with the
 * consumer's name (its group): records processed, retried and dead-lettered, the age of each event
 * when it is read, and the time its processing took with the outcome.
 */
final class ConsumerMetrics {

    static final String PROCESSED = "comanda.consumer.processed";
    static final String RETRIED = "comanda.consumer.retried";
    static final String DEAD_LETTERED = "comanda.consumer.dead_lettered";
    static final String EVENT_AGE = "comanda.consumer.event.age";
    static final String PROCESSING = "comanda.consumer.processing";

    private final MeterRegistry registry;

    ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Registers the consumer's counters at zero. A counter that appears with its first increment is
     * missing after every restart until then: an alert or a dashboard on it sees no series instead of 0.
     */
    void register(String consumer) {
        registry.counter(PROCESSED, "consumer", consumer);
        registry.counter(RETRIED, "consumer", consumer);
        registry.counter(DEAD_LETTERED, "consumer", consumer);
    }

    void read(String consumer, IncomingEvent event) {
        registry.timer(EVENT_AGE, "consumer", consumer)
                .record(Duration.between(event.event().occurredAt(), Instant.now()).abs());
    }

    void processed(String consumer, int records) {
        registry.counter(PROCESSED, "consumer", consumer).increment(records);
    }

    void retried(String consumer, int records) {
        registry.counter(RETRIED, "consumer", consumer).increment(records);
    }

    void deadLettered(String consumer) {
        registry.counter(DEAD_LETTERED, "consumer", consumer).increment();
    }

    /** Starts timing one record's or one batch's processing. */
    Timer.Sample startProcessing() {
        return Timer.start(registry);
    }

    void processingEnded(Timer.Sample processing, String consumer, boolean ok) {
        processing.stop(registry.timer(PROCESSING, "consumer", consumer, "outcome", ok ? "ok" : "failed"));
    }
}
