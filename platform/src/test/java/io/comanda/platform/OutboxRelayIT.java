package io.comanda.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventJson;
import io.comanda.events.Topic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An outbox row committed in PostgreSQL reaches Kafka through the real Debezium connector. */
@QuarkusTest
class OutboxRelayIT {

    @Test
    void relaysTheRowAsACloudEventKeyedByTheAggregate() throws Exception {
        JsonNode created = given().contentType(ContentType.JSON)
                .header("X-Correlation-ID", "relay-it-1")
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .body(Map.of("text", "relayed note"))
                .post("/probe/notes")
                .then().statusCode(200)
                .extract().as(JsonNode.class);
        String aggregateId = created.get("id").asText();
        Map<String, String> row = Rows.one("select * from outbox where id = ?",
                UUID.fromString(created.get("eventId").asText())).orElseThrow();

        ConsumerRecord<String, String> record = awaitRecord(Topic.ORDERS.topicName(), aggregateId);

        assertThat(record.key()).isEqualTo(aggregateId);
        assertThat(record.value()).startsWith("{");
        assertThat(EventJson.mapper().readTree(record.value())).isEqualTo(EventJson.mapper().readTree(row.get("payload")));
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(row.get("id"));
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/comanda/platform-probe");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("io.comanda.order.placed.v1");
        assertThat(Instant.parse(header(record, CloudEventHeaders.TIME)))
                .isEqualTo(Instant.parse(created.get("event").get("occurredAt").asText()));
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(aggregateId);
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(header(record, CloudEventHeaders.CORRELATION_ID)).isEqualTo("relay-it-1");
        assertThat(header(record, CloudEventHeaders.TRACEPARENT)).isEqualTo(row.get("traceparent"))
                .startsWith("00-0af7651916cd43dd8448eb211c80319c-");
    }

    private static ConsumerRecord<String, String> awaitRecord(String topic, String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            AtomicReference<ConsumerRecord<String, String>> found = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.set(record);
                    }
                }
                return found.get() != null;
            });
            return found.get();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
