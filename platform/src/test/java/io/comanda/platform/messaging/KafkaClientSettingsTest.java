package io.comanda.platform.messaging;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The platform's own Kafka clients use the channels' Kafka configuration, security included. */
class KafkaClientSettingsTest {

    // What Quarkus' default-kafka-broker map holds for kafka.* keys of a broker behind SASL over TLS.
    private static final Map<String, Object> SECURED = Map.of(
            "bootstrap.servers", "broker-1:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                    + "username=\"orders\" password=\"secret\";",
            "ssl.truststore.location", "/etc/comanda/truststore.p12",
            "ssl.truststore.password", "changeit",
            "group.id", "orders-service");

    private final KafkaClientSettings settings = new KafkaClientSettings(SECURED);

    @Test
    void everyClientGetsTheSecuritySettingsOfTheChannels() {
        for (Map<String, Object> client : new Map[]{settings.admin("a"), settings.producer("p"), settings.consumer("c")}) {
            assertThat(client).containsEntry("bootstrap.servers", "broker-1:9093")
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", SECURED.get("sasl.jaas.config"))
                    .containsEntry("ssl.truststore.location", "/etc/comanda/truststore.p12")
                    .containsEntry("ssl.truststore.password", "changeit");
        }
    }

    @Test
    void theClientsJoinNoConsumerGroup() {
        assertThat(settings.consumer("reader")).doesNotContainKey("group.id")
                .containsEntry("enable.auto.commit", "false");
    }

    @Test
    void aProducerKeepsItsOwnGuaranteesWhateverTheSharedConfigurationSays() {
        KafkaClientSettings loose = new KafkaClientSettings(Map.of("bootstrap.servers", "broker-1:9092",
                "acks", "1", "enable.idempotence", "false", "max.block.ms", "600000"));

        assertThat(loose.producer("dead-letters")).containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("max.block.ms", KafkaClientSettings.MAX_BLOCK_MS)
                .containsEntry("client.id", "dead-letters");
    }

    @Test
    void theClientsBuiltFromTheSettingsUseTheirTlsConfiguration() {
        // A TLS truststore that is not there fails building the client: proof that it read the setting.
        KafkaClientSettings tls = new KafkaClientSettings(Map.of("bootstrap.servers", "127.0.0.1:1",
                "security.protocol", "SSL", "ssl.truststore.location", "target/no-such-truststore.p12",
                "ssl.truststore.password", "changeit"));

        assertThatThrownBy(() -> new KafkaProducer<>(tls.producer("p"), new StringSerializer(),
                new ByteArraySerializer()).close()).hasStackTraceContaining("no-such-truststore.p12");
        assertThatThrownBy(() -> new KafkaConsumer<>(tls.consumer("c"), new StringDeserializer(),
                new ByteArrayDeserializer()).close()).hasStackTraceContaining("no-such-truststore.p12");
        assertThatThrownBy(() -> Admin.create(tls.admin("a")).close())
                .hasStackTraceContaining("no-such-truststore.p12");
    }

    @Test
    void aSendToABrokerThatIsAwayFailsWithinTheBoundInsteadOfHanging() throws IOException {
        KafkaClientSettings away = new KafkaClientSettings(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort()));
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(away.producer("p"), new StringSerializer(),
                new ByteArraySerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("comanda.anything.dlq", "k", new byte[0]))
                    .get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(Duration.ofMillis(Long.parseLong(KafkaClientSettings.MAX_BLOCK_MS) + 5_000));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
