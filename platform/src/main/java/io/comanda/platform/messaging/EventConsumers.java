package io.comanda.platform.messaging;

import io.comanda.events.EventDeserializationException;
import io.comanda.platform.correlation.CorrelationId;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one way every Comanda consumer handles a record, so that none drops one silently:
 * <ul>
 *   <li>a record that is not a Comanda event goes straight to the dead-letter topic, and is acked;</li>
 *   <li>the correlation id of the event becomes current (logs, outbox rows) and marks the span;</li>
 *   <li>the handler's effect completing acks the record; a {@link PermanentFailure} parks it;</li>
 *   <li>any other failure nacks it, and the channel's failure strategy retries it on the delayed-retry
 *       topics without blocking the partition, then dead-letters it.</li>
 * </ul>
 * Counts processed, retried (nacked) and dead-lettered records and the event age per consumer.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final DeadLetters deadLetters;
    private final MeterRegistry metrics;
    private final Config config;
    private final Map<String, String> deadLetterTopics = new ConcurrentHashMap<>();

    public EventConsumers(DeadLetters deadLetters, MeterRegistry metrics, Config config) {
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * @param consumer the consumer's name for logs and metrics, e.g. {@code payments-service}
     * @param channel  the {@code @Incoming} channel; its {@code dead-letter-queue.topic} is where records
     *                 that can never be processed go, the same topic its failure strategy uses
     * @param handler  the effect of one event, in its own transaction(s)
     */
    public Uni<Void> consume(String consumer, String channel, KafkaRecord<String, byte[]> record,
                             Function<IncomingEvent, Uni<Void>> handler) {
        String deadLetterTopic = deadLetterTopic(channel);
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, byte[]> metadata =
                record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        IncomingEvent event;
        try {
            event = IncomingEvents.read(metadata.getTopic(), metadata.getHeaders(), record.getPayload());
        } catch (EventDeserializationException e) {
            return park(consumer, deadLetterTopic, record, metadata, e);
        }
        CorrelationId.set(CorrelationId.acceptOrGenerate(event.correlationId()));
        Span.current().setAttribute(CorrelationId.SPAN_ATTRIBUTE, CorrelationId.current().orElse(""));
        metrics.timer("comanda.consumer.event.age", "consumer", consumer)
                .record(Duration.between(event.event().occurredAt(), Instant.now()).abs());
        Timer.Sample processing = Timer.start(metrics);
        return Uni.createFrom().deferred(() -> handler.apply(event))
                .onItemOrFailure().transformToUni((done, failure) -> {
                    processing.stop(metrics.timer("comanda.consumer.processing", "consumer", consumer,
                            "outcome", failure == null ? "ok" : "failed"));
                    if (failure == null) {
                        metrics.counter("comanda.consumer.processed", "consumer", consumer).increment();
                        return Uni.createFrom().completionStage(record.ack());
                    }
                    if (failure instanceof PermanentFailure) {
                        return park(consumer, deadLetterTopic, record, metadata, failure);
                    }
                    LOG.warnf("%s: %s %s failed, to be retried: %s", consumer, event.type(), event.id(), failure.toString());
                    metrics.counter("comanda.consumer.retried", "consumer", consumer).increment();
                    return Uni.createFrom().completionStage(record.nack(failure));
                });
    }

    private String deadLetterTopic(String channel) {
        return deadLetterTopics.computeIfAbsent(channel, name -> config
                .getOptionalValue("mp.messaging.incoming." + name + ".dead-letter-queue.topic", String.class)
                .orElseThrow(() -> new IllegalStateException("channel " + name
                        + " names no dead-letter-queue.topic: every Comanda consumer parks what it cannot process")));
    }

    private Uni<Void> park(String consumer, String deadLetterTopic, KafkaRecord<String, byte[]> record,
                           IncomingKafkaRecordMetadata<String, byte[]> metadata, Throwable reason) {
        LOG.errorf("%s: record %s-%d@%d goes to %s: %s", consumer, metadata.getTopic(), metadata.getPartition(),
                metadata.getOffset(), deadLetterTopic, reason.getMessage());
        metrics.counter("comanda.consumer.dead_lettered", "consumer", consumer).increment();
        return deadLetters.park(deadLetterTopic, metadata, record.getPayload(), reason)
                .chain(() -> Uni.createFrom().completionStage(record.ack()));
    }

    /** A failure that retrying cannot mend: the record goes to the dead-letter topic at once. */
    public static class PermanentFailure extends RuntimeException {
        public PermanentFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
