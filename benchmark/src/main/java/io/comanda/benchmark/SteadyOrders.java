package io.comanda.benchmark;

import io.comanda.events.EventJson;
import io.comanda.events.OrderPlaced;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes {@code OrderPlaced} at a steady rate, each placed as it is sent, a tenth of a second's worth at
 * a time: how the drain benchmark measures how long orders wait for their payment while some of them meet
 * ambiguous answers.
 */
final class SteadyOrders {

    private SteadyOrders() {
    }

    /** @return when each order was published, by order id */
    static Map<String, Instant> publish(String bootstrapServers, int perSecond, int seconds) throws InterruptedException {
        List<OrderPlaced> template = new SyntheticOrders(perSecond * seconds, 1000, "steady-customer-0").placements();
        Map<String, Instant> sentAt = new LinkedHashMap<>();
        int perTick = Math.max(1, perSecond / 10);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (int sent = 0, tick = 0; sent < template.size(); tick++) {
                long due = start + tick * 100_000_000L;
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                Instant now = Instant.now();
                for (int i = 0; i < perTick && sent < template.size(); i++, sent++) {
                    OrderPlaced order = template.get(sent);
                    // New ids: the synthetic orders are seeded, so the backlog before holds the same ones.
                    OrderPlaced placed = new OrderPlaced(UUID.randomUUID(), order.customerId(), order.items(), order.total(),
                            order.paymentMethod(), now, order.note(), order.version());
                    producer.send(new ProducerRecord<>(placed.type().topic().topicName(), null, placed.aggregateId(),
                            EventJson.write(placed).getBytes(StandardCharsets.UTF_8), EventBacklog.headers(placed, "steady-" + sent)));
                    sentAt.put(placed.orderId().toString(), now);
                }
            }
            producer.flush();
        }
        return sentAt;
    }
}
