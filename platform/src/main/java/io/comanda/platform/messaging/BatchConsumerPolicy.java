package io.comanda.platform.messaging;

import io.comanda.events.EventDeserializationException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The consumer policy of {@link EventConsumers} for a channel consumed in batches
 * ({@code batch=true}), where one record must never decide the fate of the others:
 * <ul>
 *   <li>a record that is not a Comanda event goes to the dead-letter topic alone; the rest go on;</li>
 *   <li>the handler applies the readable events together and names those it rejects for good
 *       ({@link Rejection}): they are dead-lettered one by one, with their own reason;</li>
 *   <li>any other failure of the handler is retried in place with back-off for
 *       {@code comanda.consumer.batch-retry-budget} (default 10 minutes). SmallRye does not merge its
 *       delayed-retry topics into a batch channel, and a failure of the batch's one statement (the
 *       database is away) would fail every later batch alike. What still fails is dead-lettered,
 *       never dropped;</li>
 *   <li>the batch is acknowledged (each partition's last offset) only once every record is applied
 *       or parked.</li>
 * </ul>
 * The same counters and event-age timer as {@link EventConsumers}. Correlation ids stay per record:
 * one statement serves many flows, so each parked record keeps its {@code ce_correlationid} header and
 * the log line names it.
 */
@ApplicationScoped
public class BatchConsumerPolicy {

    private static final Logger LOG = Logger.getLogger(BatchConsumerPolicy.class);

    private final DeadLetters deadLetters;
    private final MeterRegistry metrics;
    private final Config config;

    public BatchConsumerPolicy(DeadLetters deadLetters, MeterRegistry metrics, Config config) {
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * @param consumer the consumer's name for logs and metrics, e.g. {@code search-indexer}
     * @param channel  the {@code @Incoming} channel; its {@code dead-letter-queue.topic} takes what cannot be applied
     * @param handler  applies the readable events of the batch and answers those it rejects for good
     */
    public Uni<Void> consume(String consumer, String channel, KafkaRecordBatch<String, byte[]> batch,
                             Function<List<IncomingEvent>, Uni<List<Rejection>>> handler) {
        String deadLetterTopic = deadLetterTopic(channel);
        Timer age = metrics.timer("comanda.consumer.event.age", "consumer", consumer);
        Map<IncomingEvent, KafkaRecord<String, byte[]>> sources = new IdentityHashMap<>();
        List<IncomingEvent> events = new ArrayList<>();
        List<Uni<Void>> parked = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            IncomingKafkaRecordMetadata<String, byte[]> metadata = metadata(record);
            try {
                IncomingEvent event = IncomingEvents.read(metadata.getTopic(), metadata.getHeaders(), record.getPayload());
                age.record(Duration.between(event.event().occurredAt(), Instant.now()).abs());
                events.add(event);
                sources.put(event, record);
            } catch (EventDeserializationException e) {
                parked.add(park(consumer, deadLetterTopic, record, null, e));
            }
        }
        return all(parked)
                .chain(() -> applyWithRetries(consumer, events, handler))
                .chain(rejections -> {
                    metrics.counter("comanda.consumer.processed", "consumer", consumer)
                            .increment(events.size() - rejections.size());
                    return all(rejections.stream().map(rejection -> park(consumer, deadLetterTopic,
                            sources.get(rejection.event()), rejection.event(), rejection.reason())).toList());
                })
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private Uni<List<Rejection>> applyWithRetries(String consumer, List<IncomingEvent> events,
                                                  Function<List<IncomingEvent>, Uni<List<Rejection>>> handler) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Duration budget = config.getOptionalValue("comanda.consumer.batch-retry-budget", Duration.class)
                .orElse(Duration.ofMinutes(10));
        return Uni.createFrom().deferred(() -> handler.apply(events))
                .onFailure().invoke(failure -> {
                    LOG.warnf("%s: a batch of %d events failed, to be retried: %s", consumer, events.size(), failure.toString());
                    metrics.counter("comanda.consumer.retried", "consumer", consumer).increment(events.size());
                })
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(10))
                .expireIn(budget.toMillis())
                .onFailure().recoverWithItem(failure -> events.stream()
                        .map(event -> new Rejection(event, new IllegalStateException(
                                "still failing after the retry budget of " + budget + ": " + failure.getMessage(), failure)))
                        .toList());
    }

    private Uni<Void> park(String consumer, String deadLetterTopic, KafkaRecord<String, byte[]> record,
                           IncomingEvent event, Throwable reason) {
        IncomingKafkaRecordMetadata<String, byte[]> metadata = metadata(record);
        LOG.errorf("%s: record %s-%d@%d (%s) goes to %s: %s", consumer, metadata.getTopic(), metadata.getPartition(),
                metadata.getOffset(), event == null ? "unreadable" : "correlation id " + event.correlationId(),
                deadLetterTopic, reason.getMessage());
        metrics.counter("comanda.consumer.dead_lettered", "consumer", consumer).increment();
        return deadLetters.park(deadLetterTopic, metadata, record.getPayload(), reason);
    }

    private String deadLetterTopic(String channel) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class)
                .orElseThrow(() -> new IllegalStateException("channel " + channel
                        + " names no dead-letter-queue.topic: every Comanda consumer parks what it cannot process"));
    }

    @SuppressWarnings("unchecked")
    private static IncomingKafkaRecordMetadata<String, byte[]> metadata(KafkaRecord<String, byte[]> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
    }

    private static Uni<Void> all(List<Uni<Void>> unis) {
        return unis.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(unis).andFailFast().replaceWithVoid();
    }

    /**
     * An event the handler can never apply, e.g. one whose data the database refuses.
     *
     * @param event  the event, as handed to the handler
     * @param reason why; its message becomes the {@code dead-letter-reason} header
     */
    public record Rejection(IncomingEvent event, Throwable reason) {
    }
}
