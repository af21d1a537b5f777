package io.comanda.devstack.faults;

import io.comanda.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of the order and payment topics, read as the consumers see them (every copy of every
 * record, from the beginning, no consumer group), kept per order (the record key).
 */
final class EventLog implements AutoCloseable {

    /**
     * One record as published.
     *
     * @param type the {@code ce_type}, e.g. {@code io.comanda.order.placed.v1}
     * @param id   the {@code ce_id}, the id consumers deduplicate by
     */
    record Event(String type, String id) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, List<Event>> byOrder = new HashMap<>();

    EventLog(String bootstrapServers, List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 120_000,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                // The default fetch may buffer 50 MB; the suite's heap is sized for far less (see ./comanda).
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 * 1024 * 1024),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        topics.forEach(topic -> consumer.partitionsFor(topic)
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        consumer.assign(partitions);
        // From the topics' ends as they are now: the suite's orders are all placed after this, and a
        // stack's earlier history (earlier runs, a benchmark's backlog) must not fill the suite's heap.
        // A seek is lazy, so each position is taken here, before the first order is sent.
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Reads what the topics hold now, up to their end. */
    void readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), Duration.ofMinutes(2));
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                byOrder.computeIfAbsent(record.key(), key -> new ArrayList<>())
                        .add(new Event(header(record, CloudEventHeaders.TYPE).intern(), header(record, CloudEventHeaders.ID)));
            }
        }
    }

    /** Every record of the order read so far, copies included, in the order read. */
    List<Event> of(String orderId) {
        return byOrder.getOrDefault(orderId, List.of());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
