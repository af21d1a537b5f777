package io.comanda.platform;

import io.comanda.devstack.TraceStore;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

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

        TraceStore zipkin = new TraceStore(zipkinUrl);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<TraceStore.Trace> traces = zipkin.tagged(TraceStore.CORRELATION_TAG, correlationId);
            assertThat(traces).hasSize(1);
            assertThat(traces.get(0).spans())
                    .anySatisfy(span -> assertThat(span.kind()).isEqualTo("SERVER"))
                    .allSatisfy(span -> {
                        assertThat(span.service()).isEqualTo("platform-probe");
                        assertThat(span.tags()).containsEntry(TraceStore.CORRELATION_TAG, correlationId);
                    });
        });
    }

    @Test
    void aGeneratedCorrelationIdTagsTheSpansToo() {
        String correlationId = given().get("/probe/notes/" + UUID.randomUUID()).then().statusCode(404)
                .extract().header("X-Correlation-ID");

        TraceStore zipkin = new TraceStore(zipkinUrl);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(zipkin.tagged(TraceStore.CORRELATION_TAG, correlationId)).hasSize(1));
    }
}
