package io.comanda.searchindexer;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.ZipkinTraces;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The work of a batch shows in the trace of each order it serves, tagged with its correlation id and order. */
@QuarkusTest
class TracesIT {

    @ConfigProperty(name = "comanda.test.zipkin-url")
    String zipkinUrl;

    @Test
    void eachAppliedEventIsAConsumerSpanInTheTraceItsRecordCarries() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String correlationId = "search-traces-" + UUID.randomUUID();
        OrderPlaced placed = OrderEvents.placed(UUID.randomUUID(), "traced-" + UUID.randomUUID(), "traced order",
                OrderEvents.MOKA_POT);
        try (EventProducer producer = OrderEvents.producer()) {
            producer.send(placed, UUID.randomUUID(), correlationId,
                    "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01");
        }

        ZipkinTraces zipkin = new ZipkinTraces(zipkinUrl);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<ZipkinTraces.Trace> traces = zipkin.tagged(ZipkinTraces.CORRELATION_TAG, correlationId);
            assertThat(traces).extracting(ZipkinTraces.Trace::id).containsExactly(traceId);
            assertThat(traces.get(0).spans()).anySatisfy(span -> {
                assertThat(span.service()).isEqualTo("search-indexer");
                assertThat(span.name()).isEqualTo("search-indexer apply io.comanda.order.placed.v1");
                assertThat(span.kind()).isEqualTo("CONSUMER");
                assertThat(span.tags()).containsEntry(ZipkinTraces.ORDER_TAG, placed.orderId().toString());
                assertThat(span.failed()).isFalse();
            });
        });
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
