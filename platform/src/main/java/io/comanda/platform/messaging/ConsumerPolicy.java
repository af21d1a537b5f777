package io.comanda.platform.messaging;

import io.comanda.events.ComandaEvent;
import io.comanda.events.EventDeserializationException;
import io.comanda.platform.correlation.CorrelationId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way every Comanda consumer handles a record, so that none drops one silently:
 * <ul>
 *   <li>a record that is not a Comanda event goes straight to the dead-letter topic, and is acked;</li>
 *   <li>an event of another type than the consumer handles is acked;</li>
 *   <li>the correlation id of the event becomes current (logs, outbox rows) and marks the span;</li>
 *   <li>the handler's effect completing acks the record; a {@link PermanentFailure} or a failure of the
 *       type the consumer names as permanent parks it;</li>
 *   <li>any other failure nacks it, and the channel's failure strategy retries it on the delayed-retry
 *       topics without blocking the partition, then dead-letters it.</li>
 * </ul>
 * The consumer's name in logs and metrics is its channel's {@code group.id}. Counts processed, retried
 * (nacked) and dead-lettered records and the event age per consumer.
 */
@ApplicationScoped
public class ConsumerPolicy {

    private static final Logger LOG = Logger.getLogger(ConsumerPolicy.class);

    private final DeadLetters deadLetters;
    private final MeterRegistry metrics;
    private final Config config;
    private final Map<String, ConsumerChannel> channels = new ConcurrentHashMap<>();

    public ConsumerPolicy(DeadLetters deadLetters, MeterRegistry metrics, Config config) {
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * The effect of one event on a consumer.
     *
     * @param <E> the events it handles
     */
    @FunctionalInterface
    public interface Handler<E extends ComandaEvent> {

        /**
         * @param eventId the event's {@code ce_id}, the key the consumer's inbox deduplicates by
         * @param event   the event
         * @return the effect, in its own transaction(s)
         */
        Uni<Void> handle(UUID eventId, E event);
    }

    /**
     * @param channel   the {@code @Incoming} channel the record came from
     * @param eventType the events this consumer handles; others on the topic are acked untouched
     * @param handler   the effect of one event
     * @param permanent failures that retrying cannot mend: the record is dead-lettered at once
     */
    public <E extends ComandaEvent> Uni<Void> consume(String channel, KafkaRecord<String, byte[]> record,
                                                      Class<E> eventType, Handler<? super E> handler,
                                                      Class<? extends Throwable> permanent) {
        ConsumerChannel consumer = channels.computeIfAbsent(channel, name -> ConsumerChannels.of(config, name));
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, byte[]> metadata =
                record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        IncomingEvent event;
        try {
            event = IncomingEvents.read(metadata.getHeaders(), record.getPayload());
        } catch (EventDeserializationException e) {
            return park(consumer, record, metadata, e);
        }
        CorrelationId.set(CorrelationId.acceptOrGenerate(event.correlationId()));
        Span.current().setAttribute(CorrelationId.SPAN_ATTRIBUTE, CorrelationId.current().orElse(""));
        metrics.timer("comanda.consumer.event.age", "consumer", consumer.group())
                .record(Duration.between(event.event().occurredAt(), Instant.now()).abs());
        Timer.Sample processing = Timer.start(metrics);
        return Uni.createFrom().deferred(() -> eventType.isInstance(event.event())
                        ? handler.handle(event.id(), eventType.cast(event.event()))
                        : Uni.createFrom().voidItem())
                .onFailure(permanent).transform(e -> new PermanentFailure(e.getMessage(), e))
                .onItemOrFailure().transformToUni((done, failure) -> {
                    processing.stop(metrics.timer("comanda.consumer.processing", "consumer", consumer.group(),
                            "outcome", failure == null ? "ok" : "failed"));
                    return conclude(consumer, record, metadata, event, failure);
                });
    }

    /** Acks a processed record, parks a permanent failure, nacks any other for the failure strategy to retry. */
    private Uni<Void> conclude(ConsumerChannel consumer, KafkaRecord<String, byte[]> record,
                               IncomingKafkaRecordMetadata<String, byte[]> metadata, IncomingEvent event,
                               Throwable failure) {
        if (failure == null) {
            metrics.counter("comanda.consumer.processed", "consumer", consumer.group()).increment();
            return Uni.createFrom().completionStage(record.ack());
        }
        if (failure instanceof PermanentFailure) {
            return park(consumer, record, metadata, failure);
        }
        LOG.warnf("%s: %s %s failed, to be retried: %s", consumer.group(), event.type(), event.id(), failure.toString());
        metrics.counter("comanda.consumer.retried", "consumer", consumer.group()).increment();
        return Uni.createFrom().completionStage(record.nack(failure));
    }

    private Uni<Void> park(ConsumerChannel consumer, KafkaRecord<String, byte[]> record,
                           IncomingKafkaRecordMetadata<String, byte[]> metadata, Throwable reason) {
        LOG.errorf("%s: record %s-%d@%d goes to %s: %s", consumer.group(), metadata.getTopic(),
                metadata.getPartition(), metadata.getOffset(), consumer.deadLetterTopic(), reason.getMessage());
        metrics.counter("comanda.consumer.dead_lettered", "consumer", consumer.group()).increment();
        return deadLetters.park(consumer.deadLetterTopic(), metadata, record.getPayload(), reason)
                .chain(() -> Uni.createFrom().completionStage(record.ack()));
    }

    /** A failure that retrying cannot mend: the record goes to the dead-letter topic at once. */
    public static class PermanentFailure extends RuntimeException {
        public PermanentFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
