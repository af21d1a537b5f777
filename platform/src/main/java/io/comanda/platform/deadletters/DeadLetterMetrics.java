package io.comanda.platform.deadletters;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dead-letter metrics of each consumer group: how many dead letters wait for an operator (a gauge,
 * as of the last count: each listing, replay or discard, and {@link WaitingDeadLettersCount}'s schedule),
 * and how many were replayed and discarded.
 */
@ApplicationScoped
public class DeadLetterMetrics {

    static final String WAITING = "comanda.dead_letters.waiting";
    static final String REPLAYED = "comanda.dead_letters.replayed";
    static final String DISCARDED = "comanda.dead_letters.discarded";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> waiting = new ConcurrentHashMap<>();

    public DeadLetterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void waiting(String group, long count) {
        waiting.computeIfAbsent(group, g -> registry.gauge(WAITING, Tags.of("group", g), new AtomicLong()))
                .set(count);
    }

    void replayed(String group) {
        registry.counter(REPLAYED, "group", group).increment();
    }

    void discarded(String group) {
        registry.counter(DISCARDED, "group", group).increment();
    }
}
