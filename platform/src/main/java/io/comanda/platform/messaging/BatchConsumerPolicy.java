package io.comanda.platform.messaging;

import io.comanda.events.EventDeserializationException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The consumer policy of a channel consumed in batches ({@code batch=true},
 * {@code failure-strategy=dead-letter-queue}, see {@link ConsumerChannels}), where one record must
 * never decide the fate of the others:
 * <ul>
 *   <li>a record that is not a Comanda event goes to the dead-letter topic alone; the rest go on;</li>
 *   <li>the handler applies the readable events together and names those it rejects for good
 *       ({@link Rejection}): they are dead-lettered one by one, with their own reason;</li>
 *   <li>any other failure of the handler is retried in place with back-off ({@link RetryBackOff}: 100 ms
 *       doubling to 30 s, with jitter) for {@code comanda.consumer.retry-budget} (default 30 minutes).
 *       SmallRye does not merge its delayed-retry topics into a batch channel, and a failure of the
 *       batch's one statement (the database is away) would fail every later batch alike. What still
 *       fails is dead-lettered, never dropped;</li>
 *   <li>a failure caused by a {@link DependencyUnusableException} (credentials, configuration) pauses the
 *       consumer instead: nothing is dead-lettered and no budget is spent; readiness is DOWN naming the
 *       dependency until its {@link DependencyProbe} answers usable, then the records are tried again
 *       ({@link PausedDependencies});</li>
 *   <li>a handler that decides record by record ({@link #consumeTraced}) names the events that failed
 *       transiently ({@link Retry}): only those are retried, with the same back-off and budget, while
 *       the rest of the batch stays applied;</li>
 *   <li>the batch is acknowledged (each partition's last offset) only once every record is applied
 *       or parked.</li>
 * </ul>
 * It reads records, parks them and counts as {@link ConsumerPolicy} does ({@link ConsumerMetrics}; the
 * processing time is the batch's). Correlation ids stay per record: each event gets its own span in
 * its flow's trace ({@link BatchSpans}), and a parked record keeps its {@code ce_correlationid}.
 */
@ApplicationScoped
public class BatchConsumerPolicy {

    /** How long a record that fails transiently is retried before it is dead-lettered. */
    public static final String RETRY_BUDGET = "comanda.consumer.retry-budget";
    /**
     * The longest wait between two retries of a record (default 30 s): how soon after a dependency is back
     * its records go through at the latest.
     */
    public static final String RETRY_MAX_DELAY = "comanda.consumer.retry-max-delay";

    private final ConsumerMetrics metrics;
    private final ChannelDeadLetters deadLetters;
    private final BatchSpans spans;
    private final PausedDependencies pauses;
    private final Duration budget;
    private final RetryBackOff backOff;
    private final Config config;
    private final ConsumerShutdown shutdown;
    private final Map<String, ConsumerChannel> channels = new ConcurrentHashMap<>();

    public BatchConsumerPolicy(DeadLetters deadLetters, MeterRegistry registry, OpenTelemetry telemetry,
                               PausedDependencies pauses, Config config, ConsumerShutdown shutdown) {
        this.metrics = new ConsumerMetrics(registry);
        this.deadLetters = new ChannelDeadLetters(deadLetters, metrics);
        this.spans = new BatchSpans(telemetry);
        this.pauses = pauses;
        this.budget = config.getOptionalValue(RETRY_BUDGET, Duration.class).orElse(Duration.ofMinutes(30));
        this.backOff = RetryBackOff.cappedAt(config.getOptionalValue(RETRY_MAX_DELAY, Duration.class)
                .orElse(RetryBackOff.DEFAULT.cap()));
        this.config = config;
        this.shutdown = shutdown;
    }

    /**
     * @param channel the {@code @Incoming} channel; its {@code group.id} names the consumer in logs and metrics
     * @param handler applies the readable events of the batch and answers those it rejects for good; when
     *                it fails, the whole batch is retried
     */
    public Uni<Void> consume(String channel, KafkaRecordBatch<String, byte[]> batch,
                             Function<List<IncomingEvent>, Uni<List<Rejection>>> handler) {
        return consumeTraced(channel, batch, traced -> handler.apply(traced.stream().map(TracedEvent::event).toList())
                .map(rejections -> new BatchFailures(rejections, List.of())));
    }

    /**
     * Like {@link #consume}, for a handler that decides record by record: it gets each event with its
     * own trace context, and answers which events it rejects for good and which failed transiently. Only
     * those are handed to it again, after a back-off, while the others stay applied; a failure of the
     * handler as a whole retries every event it was given.
     *
     * @param channel the {@code @Incoming} channel; its {@code group.id} names the consumer in logs and metrics
     * @param handler applies the events it is given (all readable ones, then the ones to retry)
     */
    public Uni<Void> consumeTraced(String channel, KafkaRecordBatch<String, byte[]> batch,
                                   Function<List<TracedEvent>, Uni<BatchFailures>> handler) {
        ConsumerChannel consumer = channels.computeIfAbsent(channel, name -> ConsumerChannels.of(config, name));
        if (!consumer.batch()) {
            throw new IllegalStateException("channel " + channel + " is not consumed in batches: use ConsumerPolicy");
        }
        if (shutdown.stopping()) {
            return ConsumerShutdown.held();
        }
        Map<IncomingEvent, KafkaRecord<String, byte[]>> sources = new IdentityHashMap<>();
        List<IncomingEvent> events = new ArrayList<>();
        List<Uni<Void>> parked = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            try {
                IncomingEvent event = IncomingEvents.read(record);
                metrics.read(consumer.group(), event);
                sources.put(event, record);
                events.add(event);
            } catch (EventDeserializationException e) {
                parked.add(deadLetters.park(consumer, record, null, e));
            }
        }
        BatchSpans.Started applying = spans.start(consumer.group(), sources);
        List<TracedEvent> traced = events.stream().map(applying::traced).toList();
        Timer.Sample processing = metrics.startProcessing();
        return shutdown.tracked(all(parked)
                .chain(() -> new BatchAttempts(consumer, traced, handler, budget, backOff, pauses, metrics).apply()))
                .call(rejections -> {
                    metrics.processed(consumer.group(), events.size() - rejections.size());
                    return all(rejections.stream().map(rejection -> deadLetters.park(consumer,
                            sources.get(rejection.event()), rejection.event(), rejection.reason())).toList());
                })
                .onItemOrFailure().transformToUni((rejections, failure) -> {
                    metrics.processingEnded(processing, consumer.group(), failure == null);
                    if (failure != null) {
                        applying.fail(failure);
                        // During a stop the partition's next owner reads the batch again.
                        return shutdown.stopping() ? ConsumerShutdown.held() : Uni.createFrom().failure(failure);
                    }
                    applying.end(rejections);
                    return Uni.createFrom().completionStage(batch.ack());
                });
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

    /**
     * An event that failed in a way retrying may mend, e.g. a provider that answered 503.
     *
     * @param event  the event, as handed to the handler
     * @param reason why; logged, and the dead-letter reason if the retry budget runs out
     */
    public record Retry(IncomingEvent event, Throwable reason) {
    }

    /**
     * The events of a batch its handler did not apply: every event not named here is applied.
     *
     * @param rejections events to dead-letter, each with its reason
     * @param retries    events to hand to the handler again after a back-off
     */
    public record BatchFailures(List<Rejection> rejections, List<Retry> retries) {

        public BatchFailures {
            rejections = List.copyOf(rejections);
            retries = List.copyOf(retries);
        }
    }
}
