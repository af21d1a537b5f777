package io.comanda.platform.messaging;

import io.comanda.platform.inbox.DuplicateDeliveries;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

/**
 * Every consumer's counters (processed, retried, dead-lettered, duplicates absorbed) exist from the start
 * at zero, so that a service started again after a crash exposes the series its alerts read before its
 * first record. (A consumer without an inbox, such as search-indexer's, whose writes are ordered by
 * version instead, keeps its duplicates at zero.)
 */
@ApplicationScoped
public class ConsumerMetricsAtStart {

    private final ConsumerMetrics metrics;
    private final DuplicateDeliveries duplicates;
    private final Config config;

    public ConsumerMetricsAtStart(MeterRegistry registry, DuplicateDeliveries duplicates, Config config) {
        this.metrics = new ConsumerMetrics(registry);
        this.duplicates = duplicates;
        this.config = config;
    }

    void register(@Observes StartupEvent start) {
        ConsumerChannels.of(config).forEach(channel -> {
            metrics.register(channel.group());
            duplicates.register(channel.group());
        });
    }
}
