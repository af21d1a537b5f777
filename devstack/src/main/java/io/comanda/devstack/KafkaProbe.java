package io.comanda.devstack;

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

/** The readiness probe of a broker: a record produced and read back. */
final class KafkaProbe {

    private static final String TOPIC = "comanda.readiness-probe";

    private KafkaProbe() {
    }

    static boolean produceAndConsume(KafkaBroker broker) throws Exception {
        broker.createTopics(Map.of(TOPIC, 1));
        String marker = UUID.randomUUID().toString();
        Map<String, Object> common = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        long offset;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                common, new StringSerializer(), new StringSerializer())) {
            offset = producer.send(new ProducerRecord<>(TOPIC, marker)).get(10, TimeUnit.SECONDS).offset();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
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
