package io.comanda.platform.deadletters;

import io.comanda.platform.messaging.ConsumerChannel;
import io.comanda.platform.messaging.ConsumerChannels;
import io.comanda.platform.messaging.KafkaTopicsConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The dead-letter metrics of each consumer group: how many dead letters wait for an operator (a gauge,
 * as of {@link WaitingDeadLettersCount}'s last count of the index, every 15 s),
 * how many were replayed and discarded, and how many of those discards an operator forced although an
 * effect may exist. The counters exist at zero from the start, so an alert on them sees 0, not no series.
 * And how many seconds ago each group's indexer last polled its dead-letter topics and had the index take
 * what came: a few while it runs, growing while it fails or hangs (then new dead letters are not listed,
 * and the waiting gauge does not see them). And the age of each group's oldest waiting dead letter, with the
 * dead-letter retention when one is configured, so that an alert fires well before a record expires.
 */
@ApplicationScoped
public class DeadLetterMetrics {

    static final String WAITING = "comanda.dead_letters.waiting";
    static final String REPLAYED = "comanda.dead_letters.replayed";
    static final String DISCARDED = "comanda.dead_letters.discarded";
    static final String FORCED_DISCARDS = "comanda.dead_letters.forced_discards";
    static final String INDEXER_LAST_POLL_AGE = "comanda.dead_letters.indexer_last_poll_age_seconds";
    static final String OLDEST_WAITING_AGE = "comanda.dead_letters.oldest_waiting_age_seconds";
    static final String RETENTION = "comanda.dead_letters.retention_seconds";

    private final MeterRegistry registry;
    private final Config config;
    private final Optional<Duration> retention;
    private final Map<String, AtomicLong> waiting = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> oldestWaitingAgeMillis = new ConcurrentHashMap<>();

    public DeadLetterMetrics(MeterRegistry registry, Config config, KafkaTopicsConfig topics) {
        this.registry = registry;
        this.config = config;
        this.retention = topics.deadLetterRetention();
    }

    void registerAtStart(@Observes StartupEvent start) {
        ConsumerChannels.of(config).stream().map(ConsumerChannel::group).distinct().forEach(this::register);
        registerRetention();
    }

    /**
     * The dead-letter topics' retention in seconds, -1 (as Kafka says it) while they keep records until
     * resolved: the alert on the oldest waiting dead letter compares with it when it is positive.
     */
    void registerRetention() {
        long seconds = retention.map(Duration::toSeconds).orElse(-1L);
        Gauge.builder(RETENTION, () -> seconds).strongReference(true).register(registry);
    }

    void register(String group) {
        registry.counter(REPLAYED, "group", group);
        registry.counter(DISCARDED, "group", group);
        registry.counter(FORCED_DISCARDS, "group", group);
    }

    /** Registers the age of the group's indexer's last poll, from when it last indexed (epoch milliseconds). */
    void indexing(String group, LongSupplier lastIndexedMillis) {
        Gauge.builder(INDEXER_LAST_POLL_AGE, () -> (System.currentTimeMillis() - lastIndexedMillis.getAsLong()) / 1000.0)
                .tags("group", group).strongReference(true).register(registry);
    }

    void waiting(String group, WaitingDeadLetters letters) {
        waiting.computeIfAbsent(group, g -> registry.gauge(WAITING, Tags.of("group", g), new AtomicLong()))
                .set(letters.count());
        oldestWaitingAgeMillis.computeIfAbsent(group, this::registerOldestWaitingAge)
                .set(Math.round(letters.oldestAgeSeconds() * 1000));
    }

    private AtomicLong registerOldestWaitingAge(String group) {
        AtomicLong millis = new AtomicLong();
        Gauge.builder(OLDEST_WAITING_AGE, () -> millis.get() / 1000.0).tags("group", group).strongReference(true)
                .register(registry);
        return millis;
    }

    void replayed(String group) {
        registry.counter(REPLAYED, "group", group).increment();
    }

    void discarded(String group) {
        registry.counter(DISCARDED, "group", group).increment();
    }

    void forcedDiscard(String group) {
        registry.counter(FORCED_DISCARDS, "group", group).increment();
    }
}
