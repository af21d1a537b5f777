package io.comanda.devstack.clients;

import io.comanda.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a topic from its beginning, as a test looks at what really reached Kafka: no consumer group,
 * every partition, keys and values as text.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicReader(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    public static TopicReader fromBeginning(String bootstrapServers, String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 120_000),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return new TopicReader(consumer);
    }

    /**
     * Reads until the records seen so far satisfy {@code done}, or fails after {@code timeout}.
     *
     * @return every record seen, in the order read
     */
    public List<ConsumerRecord<String, String>> readUntil(Predicate<List<ConsumerRecord<String, String>>> done,
                                                          Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Kafka did not deliver the expected records within " + timeout.toSeconds()
                        + " s; saw " + seen.size() + " records");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /**
     * Keeps reading for {@code duration}, whatever arrives: what a test checks when it must show that
     * nothing more comes.
     *
     * @return every record seen, in the order read
     */
    public List<ConsumerRecord<String, String>> readFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /** The first record with {@code key}, waiting up to {@code timeout} for it. */
    public ConsumerRecord<String, String> awaitKey(String key, Duration timeout) {
        return readUntil(records -> records.stream().anyMatch(r -> key.equals(r.key())), timeout).stream()
                .filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    /** The text of the last header {@code name}, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : CloudEventHeaders.text(header.value());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
