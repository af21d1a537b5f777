package io.comanda.platform.messaging;

import io.comanda.events.ComandaEvent;
import io.comanda.events.EventDeserializationException;
import io.comanda.platform.correlation.CorrelationId;
import io.comanda.platform.logging.UntrustedText;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

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
 *       type the consumer names as permanent parks it, and so does one after its last retry when an
 *       effect may exist ({@link EffectMayExist}), so that its dead letter is flagged;</li>
 *   <li>any other failure nacks it, and the channel's failure strategy retries it on the delayed-retry
 *       topics without blocking the partition (by default 1, 5, 15 s, then every 30 s for about 30
 *       minutes, see {@link ConsumerChannelDefaults}), then dead-letters it. A
 *       {@link DependencyUnusableException} counts as such a transient failure here: a record-by-record
 *       channel never holds a record back, so it has no pause; its retries give an operator the same
 *       30 minutes.</li>
 * </ul>
 * The consumer's name in logs and metrics is its channel's {@code group.id}; its metrics are
 * {@link ConsumerMetrics}': processed, retried (nacked to a retry topic) and dead-lettered (parked, or
 * nacked after the last retry) records, event age and processing time. A channel consumed in batches
 * uses {@link BatchConsumerPolicy} instead.
 */
@ApplicationScoped
public class ConsumerPolicy {

    private static final Logger LOG = Logger.getLogger(ConsumerPolicy.class);

    private final ConsumerMetrics metrics;
    private final ChannelDeadLetters deadLetters;
    private final Config config;
    private final ConsumerShutdown shutdown;
    private final Map<String, ConsumerChannel> channels = new ConcurrentHashMap<>();

    public ConsumerPolicy(DeadLetters deadLetters, MeterRegistry registry, Config config, ConsumerShutdown shutdown) {
        this.metrics = new ConsumerMetrics(registry);
        this.deadLetters = new ChannelDeadLetters(deadLetters, metrics);
        this.config = config;
        this.shutdown = shutdown;
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
        ConsumerChannel consumer = channels.computeIfAbsent(channel, this::channel);
        if (consumer.batch()) {
            throw new IllegalStateException("channel " + channel + " is consumed in batches: use BatchConsumerPolicy");
        }
        if (shutdown.stopping()) {
            return ConsumerShutdown.held();
        }
        IncomingEvent event;
        try {
            event = IncomingEvents.read(record);
        } catch (EventDeserializationException e) {
            return park(consumer, record, null, e);
        }
        Span.current().setAttribute(CorrelationId.SPAN_ATTRIBUTE, IncomingEvents.adoptCorrelationId(event));
        metrics.read(consumer.group(), event);
        Timer.Sample processing = metrics.startProcessing();
        return shutdown.tracked(Uni.createFrom().deferred(() -> eventType.isInstance(event.event())
                        ? handler.handle(event.id(), eventType.cast(event.event()))
                        : Uni.createFrom().voidItem()))
                .onFailure(permanent).transform(e -> new PermanentFailure(e.getMessage(), e))
                .onItemOrFailure().transformToUni((done, failure) -> {
                    metrics.processingEnded(processing, consumer.group(), failure == null);
                    return conclude(consumer, record, event, failure);
                });
    }

    private ConsumerChannel channel(String name) {
        return ConsumerChannels.of(config, name).withMaxRetries(config.getOptionalValue(
                ConsumerChannel.key(name, ConsumerChannel.MAX_RETRIES), Integer.class).orElse(0));
    }

    /**
     * Acks a processed record, parks a permanent failure, nacks any other for the failure strategy to
     * retry, or to dead-letter when the record has used up its retries: then it counts as dead-lettered.
     */
    private Uni<Void> conclude(ConsumerChannel consumer, KafkaRecord<String, byte[]> record, IncomingEvent event,
                               Throwable failure) {
        if (failure == null) {
            metrics.processed(consumer.group(), 1);
            return Uni.createFrom().completionStage(record.ack());
        }
        if (shutdown.stopping() && !(failure instanceof PermanentFailure)) {
            // Likely the stop itself (a closed pool): the partition's next owner reads it again.
            return ConsumerShutdown.held();
        }
        boolean lastRetry = consumer.nackDeadLetters(IncomingEvents.metadata(record).getHeaders());
        // SmallRye's dead-letter strategy would park it without the flag that an effect may exist.
        if (failure instanceof PermanentFailure || (lastRetry
                && DeadLetters.effectMayExist(failure, IncomingEvents.metadata(record).getHeaders()).isPresent())) {
            return park(consumer, record, event, failure);
        }
        if (lastRetry) {
            LOG.errorf("%s: %s %s failed after its last retry, goes to %s: %s", consumer.group(), event.type(),
                    event.id(), consumer.deadLetterTopic(), UntrustedText.of(failure));
            metrics.deadLettered(consumer.group());
        } else {
            LOG.warnf("%s: %s %s failed, to be retried: %s", consumer.group(), event.type(), event.id(),
                    UntrustedText.of(failure));
            metrics.retried(consumer.group(), 1);
        }
        return Uni.createFrom().completionStage(record.nack(failure));
    }

    private Uni<Void> park(ConsumerChannel consumer, KafkaRecord<String, byte[]> record, IncomingEvent event,
                           Throwable reason) {
        return deadLetters.park(consumer, record, event, reason)
                .chain(() -> Uni.createFrom().completionStage(record.ack()));
    }

    /** A failure that retrying cannot mend: the record goes to the dead-letter topic at once. */
    public static class PermanentFailure extends RuntimeException {
        public PermanentFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
