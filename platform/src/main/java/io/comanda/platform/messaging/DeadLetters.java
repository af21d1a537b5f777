package io.comanda.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Map;

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

    public DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "comanda-dead-letters"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends {@code record} to {@code deadLetterTopic}, completing when Kafka has it. */
    public Uni<Void> park(String deadLetterTopic, IncomingKafkaRecordMetadata<String, byte[]> record, byte[] value,
                          Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        record.getHeaders().forEach(headers::add);
        headers.add(REASON, bytes(reason.getMessage() == null ? reason.getClass().getName() : reason.getMessage()));
        if (reason.getCause() != null) {
            headers.add(CAUSE, bytes(String.valueOf(reason.getCause().getMessage())));
        }
        headers.add(TOPIC, bytes(record.getTopic()));
        headers.add(PARTITION, bytes(Integer.toString(record.getPartition())));
        headers.add(OFFSET, bytes(Long.toString(record.getOffset())));
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(deadLetterTopic, record.getPartition(),
                record.getKey(), value, headers);
        return Uni.createFrom().emitter(emitter -> producer.send(dead, (metadata, error) -> {
            if (error != null) {
                emitter.fail(error);
            } else {
                emitter.complete(null);
            }
        }));
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
