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

/**
 * Parks a record that can never be processed (not a Comanda event, an unknown type, a permanent
 * error) on the consumer's dead-letter topic, at once, without retries, with the same reason headers
 * SmallRye's dead-letter strategy writes. The consumer then carries on with the next record.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

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
     * caller, which may be an event loop. Each subscription sends again, so a caller may retry it.
     */
    public Uni<Void> park(String deadLetterTopic, IncomingKafkaRecordMetadata<String, byte[]> record, byte[] value,
                          Throwable reason) {
        String why = reason.getMessage() == null ? reason.getClass().getName() : reason.getMessage();
        RecordHeaders headers = new RecordHeaders();
        record.getHeaders().forEach(headers::add);
        headers.add(REASON, bytes(why));
        if (reason.getCause() != null) {
            headers.add(CAUSE, bytes(String.valueOf(reason.getCause().getMessage())));
        }
        headers.add(TOPIC, bytes(record.getTopic()));
        headers.add(PARTITION, bytes(Integer.toString(record.getPartition())));
        headers.add(OFFSET, bytes(Long.toString(record.getOffset())));
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(deadLetterTopic, record.getPartition(),
                record.getKey(), value, headers);
        return Uni.createFrom().deferred(() -> {
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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
