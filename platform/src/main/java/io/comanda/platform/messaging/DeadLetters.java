package io.comanda.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.comanda.platform.observability.KafkaHeadersGetter;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Parks a record that can never be processed (not a Comanda event, an unknown type, a permanent
 * error) on the consumer's dead-letter topic, at once, without retries, with the same reason headers
 * SmallRye's dead-letter strategy writes. The consumer then carries on with the next record.
 *
 * <p>A record after whose failure an effect that cannot be undone may exist ({@link EffectMayExist}) is
 * flagged: {@value #EFFECT_MAY_EXIST} holds what may have happened, and its reason starts with it.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** What may have happened that cannot be undone, e.g. a charge; absent on a plain dead letter. */
    public static final String EFFECT_MAY_EXIST = "dead-letter-effect-may-exist";
    /**
     * The flag as a replayed record carries it (the {@code dead-letter-*} headers are dropped on replay): a
     * record that fails again, for whatever reason, is flagged again, since the effect may still exist.
     */
    public static final String CARRIED_EFFECT_MAY_EXIST = "comanda-effect-may-exist";

    private final KafkaProducer<String, byte[]> producer;

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public DeadLetters(KafkaClientSettings kafka, OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.comanda.platform");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.producer = new KafkaProducer<>(kafka.producer("comanda-dead-letters"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Sends {@code record} to {@code deadLetterTopic}, completing when Kafka has it. The send is a producer
     * span in the record's own trace, marked as an error with the reason, so an operator following one
     * order sees where it stopped.
     *
     * <p>While Kafka is away the send fails within {@link KafkaClientSettings}' bounds (10 s waiting for the
     * topic's metadata, 30 s for delivery). It runs on a worker thread, since waiting for metadata blocks the
     * caller, which may be an event loop. The dead letter keeps the record's partition number when the
     * dead-letter topic has it, else its key chooses one. Each subscription sends again, so a caller may retry it.
     */
    public Uni<Void> park(String deadLetterTopic, IncomingKafkaRecordMetadata<String, byte[]> record, byte[] value,
                          Throwable reason) {
        RecordHeaders headers = headers(record.getHeaders(), record.getTopic(), record.getPartition(),
                record.getOffset(), reason);
        String why = text(headers.lastHeader(REASON).value());
        return Uni.createFrom().deferred(() -> {
            ProducerRecord<String, byte[]> dead = new ProducerRecord<>(deadLetterTopic,
                    samePartitionIfPresent(deadLetterTopic, record.getPartition()), record.getKey(), value, headers);
            Span span = publishSpan(deadLetterTopic, record.getHeaders(), why);
            return Uni.createFrom().<Void>emitter(emitter -> producer.send(dead, (metadata, error) -> {
                if (error != null) {
                    emitter.fail(error);
                } else {
                    emitter.complete(null);
                }
            })).onTermination().invoke(span::end);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * The record's own partition number when the dead-letter topic has it, so dead letters stay in the
     * order of their source partition; else none, and the key chooses: partitions were added to the source
     * topic and the dead-letter topic has not been grown yet ({@link ConsumerTopics} does within a minute),
     * and a dead letter parked now beats one waiting for that. Kafka's metadata is cached, so this costs a
     * lookup only for a topic the producer has not written yet.
     */
    private Integer samePartitionIfPresent(String deadLetterTopic, int partition) {
        return partition < producer.partitionsFor(deadLetterTopic).size() ? partition : null;
    }

    /**
     * The headers of the dead letter of a record read at {@code topic}-{@code partition}@{@code offset} with
     * {@code origin}'s headers, parked for {@code reason}: the origin's, then the reason, its cause, the flag
     * when an effect may exist, and where the record was.
     */
    static RecordHeaders headers(Headers origin, String topic, int partition, long offset, Throwable reason) {
        String why = reason.getMessage() == null ? reason.getClass().getName() : reason.getMessage();
        Optional<String> effect = effectMayExist(reason, origin);
        RecordHeaders headers = new RecordHeaders();
        origin.forEach(headers::add);
        headers.add(REASON, bytes(effect.filter(sentence -> !why.contains(sentence))
                .map(sentence -> sentence + ": " + why).orElse(why)));
        if (reason.getCause() != null) {
            headers.add(CAUSE, bytes(String.valueOf(reason.getCause().getMessage())));
        }
        effect.ifPresent(sentence -> headers.add(EFFECT_MAY_EXIST, bytes(sentence)));
        headers.add(TOPIC, bytes(topic));
        headers.add(PARTITION, bytes(Integer.toString(partition)));
        headers.add(OFFSET, bytes(Long.toString(offset)));
        return headers;
    }

    /**
     * What may have happened that cannot be undone, when a record with {@code headers} failed with
     * {@code failure}: the failure's {@link EffectMayExist}, else the flag the record carries from a replay.
     */
    public static Optional<String> effectMayExist(Throwable failure, Headers headers) {
        return EffectMayExist.in(failure).or(() -> Optional.ofNullable(headers.lastHeader(CARRIED_EFFECT_MAY_EXIST))
                .map(header -> text(header.value())));
    }

    private Span publishSpan(String deadLetterTopic, Headers origin, String reason) {
        // The record's own trace context, with the flow's correlation id, whatever span is current here.
        Context parent = propagator.extract(Context.current(), origin, KafkaHeadersGetter.INSTANCE);
        Span span = tracer.spanBuilder(deadLetterTopic + " publish").setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", deadLetterTopic)
                .setAttribute(REASON, reason)
                .startSpan();
        span.setStatus(StatusCode.ERROR, "dead-lettered");
        return span;
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
