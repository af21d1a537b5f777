package io.comanda.e2e;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.devstack.clients.ZipkinTraces;
import io.comanda.devstack.parts.StackHttp;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What a person sees of a running stack from outside: one order's trace in Zipkin, the trace context
 * on every record the services publish, and the metrics their management interfaces expose. Runs on a
 * stack {@link ComandaLauncherIT} has started, so no test pays for a stack of its own.
 */
final class ObservedStack {

    private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");

    private final Map<String, Integer> ports;
    private final Map<String, String> environment;
    private final ZipkinTraces traces;

    ObservedStack(Map<String, Integer> ports, Map<String, String> environment) {
        this.ports = ports;
        this.environment = environment;
        this.traces = new ZipkinTraces(url("zipkin"));
    }

    String url(String part) {
        return "http://127.0.0.1:" + ports.get(part);
    }

    /** Places an order under {@code correlationId} and returns its id. */
    String place(String token, String paymentMethod, String correlationId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Correlation-ID", correlationId)
                .body(Map.of("items", List.of(Map.of("sku", "ESPRESSO-250G", "quantity", 1)), "paymentMethod", paymentMethod))
                .post(url("orders") + "/orders").then().statusCode(201).extract().path("id");
    }

    void awaitStatus(String token, String order, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token)
                .get(url("orders") + "/orders/" + order).then().statusCode(200).body("status", equalTo(status)));
    }

    /**
     * Within 10 s of the 201, exactly one trace holds the correlation id, with the HTTP span of
     * orders-service, the consumer and Stripe client spans of payments-service and the settlement span of
     * orders-service, each consumer span a descendant of the HTTP span, and every span tagged.
     */
    ZipkinTraces.Trace oneTraceOf(String correlationId) {
        ZipkinTraces.Trace[] found = new ZipkinTraces.Trace[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<ZipkinTraces.Trace> all = traces.tagged(ZipkinTraces.CORRELATION_TAG, correlationId);
            assertThat(all).as("traces tagged " + correlationId).hasSize(1);
            ZipkinTraces.Trace trace = all.get(0);
            ZipkinTraces.Span http = span(trace, "orders-service", "SERVER", "post /orders");
            ZipkinTraces.Span stripe = span(trace, "payments-service", "CLIENT", "stripe post /v1/payment_intents");
            // A consumer has a receive span and a processing span (siblings for a batch consumer): the
            // flow holds when one of them carries the work.
            assertThat(consumerSpans(trace, "payments-service")).as("a payments consumer span under the HTTP span, "
                    + "with the Stripe call under it").anySatisfy(payment -> {
                        assertThat(trace.descendsFrom(payment, http)).isTrue();
                        assertThat(trace.descendsFrom(stripe, payment)).isTrue();
                    });
            assertThat(consumerSpans(trace, "orders-service")).as("a settlement span under the HTTP span")
                    .anySatisfy(settlement -> assertThat(trace.descendsFrom(settlement, http)).isTrue());
            assertThat(trace.spans()).allSatisfy(span ->
                    assertThat(span.tags()).containsEntry(ZipkinTraces.CORRELATION_TAG, correlationId));
            found[0] = trace;
        });
        return found[0];
    }

    /**
     * The Stripe calls of payments-service in the one trace of {@code correlationId}, each as whether it
     * failed: a record retried in place (payments-service consumes in batches) makes its calls again
     * under the same processing span.
     */
    List<Boolean> stripeCallsFailed(String correlationId) {
        List<ZipkinTraces.Trace> all = traces.tagged(ZipkinTraces.CORRELATION_TAG, correlationId);
        assertThat(all).as("traces tagged " + correlationId).hasSize(1);
        return all.get(0).spans().stream()
                .filter(span -> span.service().equals("payments-service") && span.kind().equals("CLIENT")
                        && span.name().equalsIgnoreCase("stripe post /v1/payment_intents"))
                .map(ZipkinTraces.Span::failed).toList();
    }

    /** How many spans of payments-service in the trace of {@code correlationId} are marked as failed. */
    long failedPaymentsSpans(String correlationId) {
        return traces.tagged(ZipkinTraces.CORRELATION_TAG, correlationId).stream().flatMap(t -> t.spans().stream())
                .filter(span -> span.service().equals("payments-service") && span.failed()).count();
    }

    /** The processing spans of {@code consumer} in {@code trace}, one per attempt. */
    static List<ZipkinTraces.Span> processingSpans(ZipkinTraces.Trace trace, String consumer) {
        return trace.spans().stream().filter(s -> s.kind().equals("CONSUMER")
                && consumer.equals(s.tags().get("messaging.consumer.group.name"))).toList();
    }

    private static List<ZipkinTraces.Span> consumerSpans(ZipkinTraces.Trace trace, String consumer) {
        List<ZipkinTraces.Span> spans = processingSpans(trace, consumer);
        assertThat(spans).as(consumer + " processing span in " + trace.spans()).isNotEmpty();
        return spans;
    }

    private static ZipkinTraces.Span span(ZipkinTraces.Trace trace, String service, String kind, String name) {
        return trace.spans().stream()
                .filter(s -> s.service().equals(service) && s.kind().equals(kind) && s.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " span '" + name + "' of " + service + " in "
                        + trace.spans()));
    }

    /** Makes every Stripe call fail (500 or 429) from {@code rate} 1, or none from 0. */
    void stripeFailureRate(double rate) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("stripe") + "/_emulator/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"latencyMs\":0,\"transientFailureRate\":" + rate + "}"))
                .build();
        assertThat(StackHttp.send(request).statusCode()).isEqualTo(200);
    }

    /** Publishes a record no consumer can read to {@code comanda.payments}: orders-service dead-letters it. */
    void publishUnreadablePayment() {
        try (EventProducer producer = new EventProducer(kafka())) {
            producer.sendRaw("comanda.payments", UUID.randomUUID().toString(), EventProducer.headers(
                    "ce_type", "io.comanda.nothing-we-know.v1"), "not an event".getBytes());
        }
    }

    /** Every record the services published on {@code topic} (through their outboxes) carries a valid traceparent. */
    void everyPublishedRecordCarriesATraceparent(String topic, int atLeast) {
        try (TopicReader reader = TopicReader.fromBeginning(kafka(), topic)) {
            List<ConsumerRecord<String, String>> published = reader.readUntil(
                    records -> records.stream().filter(ObservedStack::publishedByAService).count() >= atLeast,
                    Duration.ofSeconds(30)).stream().filter(ObservedStack::publishedByAService).toList();
            assertThat(published).hasSizeGreaterThanOrEqualTo(atLeast).allSatisfy(record ->
                    assertThat(TopicReader.header(record, "traceparent")).as(topic + " record " + record.key())
                            .isNotNull().matches(TRACEPARENT));
        }
    }

    private static boolean publishedByAService(ConsumerRecord<String, String> record) {
        String source = TopicReader.header(record, "ce_source");
        return source != null && source.startsWith("/comanda/");
    }

    /** The metric names (series names) a service's management interface exposes. */
    Set<String> exposedMetrics(String service) {
        String text = StackHttp.get(url(service + "-management") + "/q/metrics").body();
        return MetricNames.exposed(text);
    }

    ComandaCli.Result comanda(String... args) throws Exception {
        return ComandaCli.run(environment, args);
    }

    private String kafka() {
        return "127.0.0.1:" + ports.get("kafka");
    }
}
