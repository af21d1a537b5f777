package io.comanda.platform.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * The settings of the Kafka clients the platform builds itself (topic creation, dead-letter writes, the
 * dead-letter API's readers), taken from the same place as the channels': Quarkus' default Kafka
 * configuration ({@code default-kafka-broker}), which holds every {@code kafka.*} key and
 * {@code KAFKA_*} variable (bootstrap servers, {@code security.protocol}, {@code sasl.*}, {@code ssl.*},
 * a named TLS configuration). A broker that needs TLS or SASL for the channels gets it here too.
 *
 * <p>Each client adds what it must have (client id, acknowledgements) and bounds how long one call may
 * wait for an absent broker, so that an outage fails a call instead of holding its thread.
 */
@ApplicationScoped
public class KafkaClientSettings {

    /** How long a producer's {@code send} may wait for metadata or buffer space before it fails. */
    static final String MAX_BLOCK_MS = "10000";
    /** How long a request may wait for the broker's answer before it fails. */
    static final String REQUEST_TIMEOUT_MS = "10000";
    /** How long a record may wait to be delivered, retries included, before its send fails. */
    static final String DELIVERY_TIMEOUT_MS = "30000";
    /** How long one admin or consumer call (list, describe, create topics, end offsets) may take, retries included. */
    static final String ADMIN_API_TIMEOUT_MS = "15000";

    private final Map<String, Object> shared;

    public KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> defaultKafkaConfiguration) {
        Map<String, Object> settings = new HashMap<>(defaultKafkaConfiguration);
        // Quarkus adds the application name as group.id for the channels; the platform's clients assign
        // partitions themselves and commit nothing.
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.shared = Map.copyOf(settings);
    }

    /** For topic administration. */
    public Map<String, Object> admin(String clientId) {
        Map<String, Object> settings = new HashMap<>(shared);
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ADMIN_API_TIMEOUT_MS);
        return settings;
    }

    /** For a producer that waits until every in-sync replica has a record, and writes it once. */
    public Map<String, Object> producer(String clientId) {
        Map<String, Object> settings = new HashMap<>(shared);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        return settings;
    }

    /** For a consumer outside any group that assigns itself partitions and commits nothing. */
    public Map<String, Object> consumer(String clientId) {
        Map<String, Object> settings = new HashMap<>(shared);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ADMIN_API_TIMEOUT_MS);
        return settings;
    }
}
