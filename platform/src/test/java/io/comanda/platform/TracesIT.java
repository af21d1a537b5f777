package io.comanda.platform;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.ZipkinTraces;
import io.comanda.events.EventType;
import io.comanda.events.Topic;
import org.eclipse.microprofile.config.ConfigProvider;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code comanda.tracing.exporter=zipkin}, a service's spans reach a real Zipkin server through the
 * platform's exporter, every one of them tagged with the request's correlation id.
 */
@QuarkusTest
class TracesIT {

    @ConfigProperty(name = "comanda.test.zipkin-url")
    String zipkinUrl;

    @Test
    void aRequestsSpansReachZipkinEachTaggedWithItsCorrelationId() {
        String correlationId = "traces-it-" + UUID.randomUUID();
        given().header("X-Correlation-ID", correlationId).get("/probe/notes/" + UUID.randomUUID())
                .then().statusCode(404);

        ZipkinTraces zipkin = new ZipkinTraces(zipkinUrl);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<ZipkinTraces.Trace> traces = zipkin.tagged(ZipkinTraces.CORRELATION_TAG, correlationId);
            assertThat(traces).hasSize(1);
            assertThat(traces.get(0).spans())
                    .anySatisfy(span -> assertThat(span.kind()).isEqualTo("SERVER"))
                    .allSatisfy(span -> {
                        assertThat(span.service()).isEqualTo("platform-probe");
                        assertThat(span.tags()).containsEntry(ZipkinTraces.CORRELATION_TAG, correlationId);
                    });
        });
    }

    @Test
    void aGeneratedCorrelationIdTagsTheSpansToo() {
        String correlationId = given().get("/probe/notes/" + UUID.randomUUID()).then().statusCode(404)
                .extract().header("X-Correlation-ID");

        ZipkinTraces zipkin = new ZipkinTraces(zipkinUrl);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(zipkin.tagged(ZipkinTraces.CORRELATION_TAG, correlationId)).hasSize(1));
    }

    @Test
    void aRecordParkedOnTheDeadLetterTopicShowsAsAFailedPublishInItsOwnTrace() {
        String correlationId = "traces-dlq-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
        try (EventProducer producer = new EventProducer(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            producer.sendRaw(Topic.ORDERS.topicName(), UUID.randomUUID().toString(), EventProducer.headers(
                    "ce_id", UUID.randomUUID().toString(), "ce_type", EventType.ORDER_PLACED_V1.ceType(),
                    "ce_correlationid", correlationId, "traceparent", traceparent),
                    "not an order".getBytes(StandardCharsets.UTF_8));
        }

        ZipkinTraces zipkin = new ZipkinTraces(zipkinUrl);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ZipkinTraces.Trace> traces = zipkin.tagged(ZipkinTraces.CORRELATION_TAG, correlationId);
            assertThat(traces).hasSize(1);
            assertThat(traces.get(0).spans()).anySatisfy(span -> {
                assertThat(span.traceId()).isEqualTo(traceId);
                assertThat(span.kind()).isEqualTo("PRODUCER");
                assertThat(span.name()).endsWith(".dlq publish");
                assertThat(span.tags()).containsKey("dead-letter-reason").containsKey("error");
            });
        });
    }
}
