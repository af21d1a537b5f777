package io.comanda.devstack.parts;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The readiness probe of a broker: a record produced and read back. Until the broker's port accepts
 * connections no client is created, so a starting broker does not fill the output with client warnings.
 */
final class KafkaProbe {

    private static final String TOPIC = "comanda.readiness-probe";

    private KafkaProbe() {
    }

    static ReadinessProbe within(Duration timeout, String bootstrapServers) {
        return within(timeout, bootstrapServers, TopicDurability.ONE_BROKER);
    }

    /**
     * The same on a broker of a cluster: the probe's topic is as durable as the others, so that it still
     * answers for a broker started again while another one is down.
     */
    static ReadinessProbe within(Duration timeout, String bootstrapServers, TopicDurability durability) {
        return new ReadinessProbe(timeout, () -> produceAndConsume(bootstrapServers, durability));
    }

    private static boolean produceAndConsume(String bootstrapServers, TopicDurability durability) throws Exception {
        if (!Ports.inUse(Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1)))) {
            return false;
        }
        KafkaTopics.createMissing(bootstrapServers, Map.of(TOPIC, 1), durability);
        String marker = UUID.randomUUID().toString();
        Map<String, Object> common = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long offset;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                common, new StringSerializer(), new StringSerializer())) {
            offset = producer.send(new ProducerRecord<>(TOPIC, marker)).get(10, TimeUnit.SECONDS).offset();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(10))) {
                if (marker.equals(record.value())) {
                    return true;
                }
            }
        }
        return false;
    }
}
