package io.comanda.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventJson;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.events.EventType;
import io.comanda.events.Topic;
import io.comanda.devstack.quarkus.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
        Map<String, String> row = TestDatabase.one("select * from outbox where id = ?",
                UUID.fromString(created.get("eventId").asText())).orElseThrow();

        ConsumerRecord<String, String> record = awaitRecord(Topic.ORDERS.topicName(), aggregateId);

        assertThat(record.key()).isEqualTo(aggregateId);
        assertThat(record.value()).startsWith("{");
        assertThat(EventJson.mapper().readTree(record.value())).isEqualTo(EventJson.mapper().readTree(row.get("payload")));
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(row.get("id"));
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/comanda/platform-probe");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(EventType.ORDER_PLACED_V1.ceType());
        assertThat(Instant.parse(header(record, CloudEventHeaders.TIME)))
                .isEqualTo(Instant.parse(created.get("event").get("occurredAt").asText()));
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(aggregateId);
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(header(record, CloudEventHeaders.CORRELATION_ID)).isEqualTo("relay-it-1");
        assertThat(header(record, CloudEventHeaders.TRACEPARENT)).isEqualTo(row.get("traceparent"))
                .startsWith("00-0af7651916cd43dd8448eb211c80319c-");
    }

    private static ConsumerRecord<String, String> awaitRecord(String topic, String key) {
        try (TopicReader reader = TopicReader.fromBeginning(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), topic)) {
            return reader.awaitKey(key, Duration.ofSeconds(60));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        String value = TopicReader.header(record, name);
        assertThat(value).as("header " + name).isNotNull();
        return value;
    }
}
