package io.comanda.platform.deadletters;

import io.comanda.platform.messaging.KafkaClientSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Reads and writes the topics behind the dead-letter API, blocking: each read is a short-lived consumer
 * that assigns itself every partition (no consumer group, nothing committed) and reads from the beginning
 * to the end offsets it found when it started; writes wait until Kafka has them. Call it off the event loop.
 */
@ApplicationScoped
public class DeadLetterTopics {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_LIMIT = Duration.ofSeconds(30);

    private final KafkaClientSettings kafka;
    private final KafkaProducer<String, byte[]> producer;

    public DeadLetterTopics(KafkaClientSettings kafka) {
        this.kafka = kafka;
        this.producer = new KafkaProducer<>(kafka.producer("comanda-dead-letter-operations"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Every record now on {@code topic}, partition by partition, oldest first; none when it does not exist. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_LIMIT);
                }
                consumer.poll(POLL).forEach(record -> {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                });
            }
            return records;
        }
    }

    /** The record at {@code id}, if it is there. */
    public Optional<ConsumerRecord<String, byte[]>> read(DeadLetterId id) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(id.topic(), id.partition());
            List<PartitionInfo> partitions = consumer.partitionsFor(id.topic(), Duration.ofSeconds(10));
            if (partitions == null || partitions.stream().noneMatch(p -> p.partition() == id.partition())) {
                return Optional.empty();
            }
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            if (id.offset() >= end) {
                return Optional.empty();
            }
            consumer.seek(partition, id.offset());
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (consumer.position(partition) <= id.offset() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == id.offset()) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** Sends {@code record} and waits until Kafka has it. */
    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + record.topic(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send to " + record.topic() + ": " + e.getCause().getMessage(), e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not take a record for " + record.topic() + " within 30 s", e);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(kafka.consumer("comanda-dead-letter-reader"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
