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
import org.jboss.logging.Logger;

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
 *   <li>any other failure of the handler is retried in place with back-off for
 *       {@code comanda.consumer.batch-retry-budget} (default 10 minutes). SmallRye does not merge its
 *       delayed-retry topics into a batch channel, and a failure of the batch's one statement (the
 *       database is away) would fail every later batch alike. What still fails is dead-lettered,
 *       never dropped;</li>
 *   <li>the batch is acknowledged (each partition's last offset) only once every record is applied
 *       or parked.</li>
 * </ul>
 * It reads records, parks them and counts as {@link ConsumerPolicy} does ({@link ConsumerMetrics}; the
 * processing time is the batch's). Correlation ids stay per record: each event gets its own span in
 * its flow's trace ({@link BatchSpans}), and a parked record keeps its {@code ce_correlationid}.
 */
@ApplicationScoped
public class BatchConsumerPolicy {

    private static final Logger LOG = Logger.getLogger(BatchConsumerPolicy.class);

    private final ConsumerMetrics metrics;
    private final ChannelDeadLetters deadLetters;
    private final BatchSpans spans;
    private final Config config;
    private final Map<String, ConsumerChannel> channels = new ConcurrentHashMap<>();

    public BatchConsumerPolicy(DeadLetters deadLetters, MeterRegistry registry, OpenTelemetry telemetry, Config config) {
        this.metrics = new ConsumerMetrics(registry);
        this.deadLetters = new ChannelDeadLetters(deadLetters, metrics);
        this.spans = new BatchSpans(telemetry);
        this.config = config;
    }

    /**
     * @param channel the {@code @Incoming} channel; its {@code group.id} names the consumer in logs and metrics
     * @param handler applies the readable events of the batch and answers those it rejects for good
     */
    public Uni<Void> consume(String channel, KafkaRecordBatch<String, byte[]> batch,
                             Function<List<IncomingEvent>, Uni<List<Rejection>>> handler) {
        ConsumerChannel consumer = channels.computeIfAbsent(channel, name -> ConsumerChannels.of(config, name));
        if (!consumer.batch()) {
            throw new IllegalStateException("channel " + channel + " is not consumed in batches: use ConsumerPolicy");
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
        Timer.Sample processing = metrics.startProcessing();
        return all(parked)
                .chain(() -> applyWithRetries(consumer, events, handler))
                .call(rejections -> {
                    metrics.processed(consumer.group(), events.size() - rejections.size());
                    return all(rejections.stream().map(rejection -> deadLetters.park(consumer,
                            sources.get(rejection.event()), rejection.event(), rejection.reason())).toList());
                })
                .onItemOrFailure().transformToUni((rejections, failure) -> {
                    metrics.processingEnded(processing, consumer.group(), failure == null);
                    if (failure != null) {
                        applying.fail(failure);
                        return Uni.createFrom().failure(failure);
                    }
                    applying.end(rejections);
                    return Uni.createFrom().completionStage(batch.ack());
                });
    }

    private Uni<List<Rejection>> applyWithRetries(ConsumerChannel consumer, List<IncomingEvent> events,
                                                  Function<List<IncomingEvent>, Uni<List<Rejection>>> handler) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Duration budget = config.getOptionalValue("comanda.consumer.batch-retry-budget", Duration.class)
                .orElse(Duration.ofMinutes(10));
        return Uni.createFrom().deferred(() -> handler.apply(events))
                .onFailure().invoke(failure -> {
                    LOG.warnf("%s: a batch of %d events failed, to be retried: %s", consumer.group(), events.size(),
                            failure.toString());
                    metrics.retried(consumer.group(), events.size());
                })
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(10))
                .expireIn(budget.toMillis())
                .onFailure().recoverWithItem(failure -> events.stream()
                        .map(event -> new Rejection(event, new IllegalStateException(
                                "still failing after the retry budget of " + budget + ": " + failure.getMessage(), failure)))
                        .toList());
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
