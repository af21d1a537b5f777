package io.comanda.stripe.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.comanda.stripe.emulator.JsonExchange.body;
import static io.comanda.stripe.emulator.JsonExchange.send;

/**
 * The operator endpoint {@code /_emulator/faults}, not part of Stripe's API. A {@code POST} replaces every
 * setting, those it leaves out going back to none (the search lag to the one the emulator started with,
 * the hang time to 30 s): {@code {"latencyMs": 0, "transientFailureRate": 0, "seed": 42, "failNext": 0,
 * "script": ["executedThen500", ...], "ambiguousRate": 0, "ambiguousKinds": ["executedThen500",
 * "executedThenTimeout"], "hangMs": 30000, "searchLagMs": 60000}}. Both {@code GET} and {@code POST} answer
 * the settings in force (the script still to come) and the faults injected since the last {@code POST}.
 */
final class FaultsEndpoint implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Faults faults;
    private final SearchLag searchLag;

    FaultsEndpoint(Faults faults, SearchLag searchLag) {
        this.faults = faults;
        this.searchLag = searchLag;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // Inside the exchange's block: a refusal must be answered before the exchange closes.
            try {
                if ("POST".equals(exchange.getRequestMethod())) {
                    replace(read(body(exchange)));
                }
            } catch (IllegalArgumentException e) {
                send(exchange, 400, JSON.createObjectNode().put("error", e.getMessage()).toString(), false);
                return;
            }
            send(exchange, 200, state().toString(), false);
        }
    }

    private void replace(JsonNode requested) {
        List<CreateFault> script = faultsNamed(requested.path("script"), "script");
        Set<CreateFault> kinds = EnumSet.noneOf(CreateFault.class);
        kinds.addAll(faultsNamed(requested.path("ambiguousKinds"), "ambiguousKinds"));
        double ambiguousRate = requested.path("ambiguousRate").asDouble(0);
        Duration hang = millis(requested, "hangMs", CreateFaults.DEFAULT_HANG);
        Duration lag = millis(requested, "searchLagMs", searchLag.initial());
        JsonNode seed = requested.path("seed");
        // Checked before anything is applied, so a refused POST leaves the settings as they were.
        if (ambiguousRate < 0 || ambiguousRate > 1 || !EnumSet.of(CreateFault.EXECUTED_THEN_500,
                CreateFault.EXECUTED_THEN_TIMEOUT).containsAll(kinds)) {
            throw new IllegalArgumentException("0 <= ambiguousRate <= 1, and ambiguousKinds among executedThen500 "
                    + "and executedThenTimeout");
        }
        faults.set(requested.path("latencyMs").asLong(0), requested.path("transientFailureRate").asDouble(0),
                seed.isIntegralNumber() ? seed.asLong() : null);
        faults.failNext(requested.path("failNext").asInt(0));
        faults.script(script);
        faults.ambiguousRate(ambiguousRate, kinds);
        faults.hang(hang);
        searchLag.set(lag);
    }

    private ObjectNode state() {
        ObjectNode state = JSON.createObjectNode().put("latencyMs", faults.latencyMillis())
                .put("transientFailureRate", faults.transientFailureRate())
                .put("failNext", faults.scriptedFailuresLeft());
        if (faults.seed() != null) {
            state.put("seed", faults.seed());
        }
        ArrayNode script = state.putArray("script");
        faults.script().forEach(fault -> script.add(fault.jsonName()));
        state.put("ambiguousRate", faults.ambiguousRate());
        ArrayNode kinds = state.putArray("ambiguousKinds");
        faults.ambiguousKinds().forEach(fault -> kinds.add(fault.jsonName()));
        state.put("hangMs", faults.hang().toMillis());
        state.put("searchLagMs", searchLag.get().toMillis());
        ObjectNode injected = state.putObject("injected");
        faults.injected().forEach((fault, count) -> injected.put(fault.jsonName(), count));
        ArrayNode ambiguousOrders = state.putArray("ambiguousOrders");
        faults.ambiguousOrders().forEach(ambiguousOrders::add);
        return state;
    }

    private static JsonNode read(String body) {
        try {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
    }

    private static List<CreateFault> faultsNamed(JsonNode names, String field) {
        List<CreateFault> named = new ArrayList<>();
        if (names.isMissingNode() || names.isNull()) {
            return named;
        }
        if (!names.isArray()) {
            throw new IllegalArgumentException(field + " must be a list of fault names");
        }
        names.forEach(name -> named.add(CreateFault.ofJsonName(name.asText())));
        return named;
    }

    private static Duration millis(JsonNode requested, String field, Duration absent) {
        JsonNode millis = requested.path(field);
        if (millis.isMissingNode() || millis.isNull()) {
            return absent;
        }
        if (!millis.canConvertToLong() || millis.asLong() < 0) {
            throw new IllegalArgumentException(field + " must be a number of milliseconds, 0 or more");
        }
        return Duration.ofMillis(millis.asLong());
    }
}
