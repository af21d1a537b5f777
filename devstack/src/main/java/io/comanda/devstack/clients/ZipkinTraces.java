package io.comanda.devstack.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.devstack.parts.StackHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads traces back from a Zipkin server's query API ({@code /api/v2/traces}), by a tag every span of
 * a Comanda flow carries: {@code comanda.correlation_id}, or {@code comanda.order_id} on the spans of
 * the consumers of that order's records.
 */
public class ZipkinTraces {

    public static final String CORRELATION_TAG = "comanda.correlation_id";
    public static final String ORDER_TAG = "comanda.order_id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;

    /** @param url the Zipkin server, e.g. {@code http://127.0.0.1:9411} */
    public ZipkinTraces(String url) {
        this.url = url;
    }

    /** The traces holding a span tagged {@code tag=value}, found within the last day. */
    public List<Trace> tagged(String tag, String value) {
        String query = URLEncoder.encode(tag + "=" + value, StandardCharsets.UTF_8);
        HttpResponse<String> response = StackHttp.get(url + "/api/v2/traces?limit=20&lookback=86400000&annotationQuery="
                + query);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Zipkin answered " + response.statusCode() + ": " + response.body());
        }
        try {
            List<Trace> traces = new ArrayList<>();
            for (JsonNode trace : JSON.readTree(response.body())) {
                List<Span> spans = new ArrayList<>();
                trace.forEach(span -> spans.add(Span.of(span)));
                traces.add(new Trace(spans));
            }
            return traces;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The traces of a correlation id, else of an order id. */
    public List<Trace> ofCorrelationOrOrder(String id) {
        List<Trace> traces = tagged(CORRELATION_TAG, id);
        return traces.isEmpty() ? tagged(ORDER_TAG, id) : traces;
    }

    /** Where a person sees {@code trace} in Zipkin's UI. */
    public String uiUrl(Trace trace) {
        return url + "/zipkin/traces/" + trace.id();
    }

    /** One trace: its spans as Zipkin stores them. */
    public record Trace(List<Span> spans) {

        public String id() {
            return spans.get(0).traceId();
        }

        public List<Span> children(Span parent) {
            return spans.stream().filter(s -> parent.id().equals(s.parentId())).toList();
        }

        /** The spans whose parent is not in the trace (normally one: the HTTP request). */
        public List<Span> roots() {
            return spans.stream().filter(s -> s.parentId() == null
                    || spans.stream().noneMatch(p -> p.id().equals(s.parentId()))).toList();
        }

        /** Whether {@code span} descends from {@code ancestor} through parent links within this trace. */
        public boolean descendsFrom(Span span, Span ancestor) {
            String parent = span.parentId();
            while (parent != null) {
                if (parent.equals(ancestor.id())) {
                    return true;
                }
                String current = parent;
                // A root's parent id is null: the chain ends there (Optional cannot hold a null).
                parent = spans.stream().filter(s -> s.id().equals(current)).findFirst().map(Span::parentId).orElse(null);
            }
            return false;
        }
    }

    /**
     * One span in Zipkin's model.
     *
     * @param timestampMicros start, in microseconds since the epoch
     * @param durationMicros  its duration in microseconds
     */
    public record Span(String traceId, String id, String parentId, String service, String name, String kind,
                       long timestampMicros, long durationMicros, Map<String, String> tags) {

        static Span of(JsonNode span) {
            Map<String, String> tags = new TreeMap<>();
            span.path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
            return new Span(span.path("traceId").asText(), span.path("id").asText(),
                    span.hasNonNull("parentId") ? span.get("parentId").asText() : null,
                    span.path("localEndpoint").path("serviceName").asText(""), span.path("name").asText(""),
                    span.path("kind").asText(""), span.path("timestamp").asLong(), span.path("duration").asLong(),
                    tags);
        }

        /** Marked as failed by its instrumentation (Zipkin's {@code error} tag). */
        public boolean failed() {
            return tags.containsKey("error");
        }
    }
}
