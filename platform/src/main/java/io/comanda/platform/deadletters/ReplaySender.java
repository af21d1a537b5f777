package io.comanda.platform.deadletters;

import io.comanda.platform.messaging.KafkaClientSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sends dead letters back to their consumer group's replay topic, as they first came
 * ({@link ReplayHeaders}), with a producer that waits for every in-sync replica and writes each record once.
 * The record's key picks the partition, so a source topic that gained partitions does not break replays.
 */
@ApplicationScoped
public class ReplaySender {

    private final KafkaProducer<String, byte[]> producer;

    public ReplaySender(KafkaClientSettings kafka) {
        this.producer = new KafkaProducer<>(kafka.producer("comanda-dead-letter-replays"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * @param replayCount how often it will have been replayed, this replay included
     * @return completes when Kafka has it (within {@link KafkaClientSettings}' delivery bound), or fails
     */
    public CompletableFuture<Void> send(IndexedDeadLetter dead, String replayTopic, int replayCount) {
        ConsumerRecord<String, byte[]> record = dead.letter().record();
        CompletableFuture<Void> sent = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(replayTopic, null, record.key(), record.value(),
                    ReplayHeaders.forReplay(record.headers(), replayCount)), (metadata, error) -> {
                        if (error != null) {
                            sent.completeExceptionally(error);
                        } else {
                            sent.complete(null);
                        }
                    });
        } catch (RuntimeException e) {
            sent.completeExceptionally(e);
        }
        return sent;
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
