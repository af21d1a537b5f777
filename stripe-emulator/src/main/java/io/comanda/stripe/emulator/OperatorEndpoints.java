package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;

import static io.comanda.stripe.emulator.JsonExchange.body;
import static io.comanda.stripe.emulator.JsonExchange.query;
import static io.comanda.stripe.emulator.JsonExchange.send;

/**
 * The emulator's operator endpoints under {@code /_emulator}, not part of Stripe's API:
 * {@code GET health} answers when it runs, {@code GET charges[?order_id=]} counts the charges really
 * made, {@code GET summary} counts the orders charged and those charged twice, {@code GET|POST faults}
 * reads or sets latency, the transient failure rate (with an optional
 * seed) and a number of requests to fail next.
 */
final class OperatorEndpoints implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ledger ledger;
    private final Faults faults;

    OperatorEndpoints(Ledger ledger, Faults faults) {
        this.ledger = ledger;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestURI().getPath()) {
                case "/_emulator/health" -> send(exchange, 200, "{\"status\":\"UP\"}", false);
                case "/_emulator/charges" -> send(exchange, 200, charges(query(exchange, "order_id")), false);
                case "/_emulator/summary" -> send(exchange, 200, summary(), false);
                case "/_emulator/faults" -> send(exchange, 200, faults(exchange), false);
                default -> send(exchange, 404, "{\"error\":\"unknown operator endpoint\"}", false);
            }
        } catch (IllegalArgumentException e) {
            send(exchange, 400, JSON.createObjectNode().put("error", e.getMessage()).toString(), false);
        }
    }

    /** The charges made for one order, or every PaymentIntent when {@code orderId} is null. */
    private String charges(String orderId) {
        if (orderId != null) {
            return JSON.createObjectNode().put("orderId", orderId)
                    .put("charges", ledger.chargesForOrder(orderId)).toString();
        }
        ArrayNode all = JSON.createArrayNode();
        ledger.paymentIntents().forEach(all::add);
        return all.toString();
    }

    private String summary() {
        Ledger.ChargeSummary summary = ledger.summary();
        return JSON.createObjectNode().put("paymentIntents", summary.paymentIntents())
                .put("chargedOrders", summary.chargedOrders()).put("ordersChargedTwice", summary.ordersChargedTwice())
                .put("replays", summary.replays()).toString();
    }

    /** Sets the faults on a POST, and answers the faults in force. */
    private String faults(HttpExchange exchange) throws IOException {
        if ("POST".equals(exchange.getRequestMethod())) {
            JsonNode requested = JSON.readTree(body(exchange));
            JsonNode seed = requested.path("seed");
            faults.set(requested.path("latencyMs").asLong(0), requested.path("transientFailureRate").asDouble(0),
                    seed.isIntegralNumber() ? seed.asLong() : null);
            faults.failNext(requested.path("failNext").asInt(0));
        }
        ObjectNode state = JSON.createObjectNode().put("latencyMs", faults.latencyMillis())
                .put("transientFailureRate", faults.transientFailureRate())
                .put("failNext", faults.scriptedFailuresLeft());
        if (faults.seed() != null) {
            state.put("seed", faults.seed());
        }
        return state.toString();
    }
}
