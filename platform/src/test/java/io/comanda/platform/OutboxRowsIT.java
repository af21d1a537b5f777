package io.comanda.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.comanda.events.EventJson;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.EventType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class OutboxRowsIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void writesTheEventRowWithCorrelationIdAndTraceContextOfTheRequest() throws Exception {
        JsonNode created = given().contentType(ContentType.JSON)
                .header("X-Correlation-ID", "outbox-writer-it-1")
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .body(Map.of("text", "first note"))
                .post("/probe/notes")
                .then().statusCode(200)
                .extract().as(JsonNode.class);

        Map<String, String> row = TestDatabase.one("select * from outbox where id = ?",
                UUID.fromString(created.get("eventId").asText())).orElseThrow();
        assertThat(row.get("aggregatetype")).isEqualTo("orders");
        assertThat(row.get("aggregateid")).isEqualTo(created.get("id").asText());
        assertThat(row.get("type")).isEqualTo(EventType.ORDER_PLACED_V1.ceType());
        assertThat(row.get("source")).isEqualTo("/comanda/platform-probe");
        assertThat(row.get("correlation_id")).isEqualTo("outbox-writer-it-1");
        assertThat(row.get("traceparent")).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                .isNotEqualTo("00-" + TRACE_ID + "-00f067aa0ba902b7-01");
        assertThat(EventJson.mapper().readTree(row.get("payload"))).isEqualTo(created.get("event"));
    }

    @Test
    void eventRollsBackWithTheBusinessChange() {
        given().contentType(ContentType.JSON)
                .header("X-Correlation-ID", "outbox-writer-it-rollback")
                .body(Map.of("text", "refused note", "failAfterWriting", true))
                .post("/probe/notes")
                .then().statusCode(409);

        assertThat(TestDatabase.one("select count(*) as n from outbox where correlation_id = ?", "outbox-writer-it-rollback")
                .orElseThrow().get("n")).isEqualTo("0");
        assertThat(TestDatabase.one("select count(*) as n from probe_note where text = ?", "refused note")
                .orElseThrow().get("n")).isEqualTo("0");
    }
}
