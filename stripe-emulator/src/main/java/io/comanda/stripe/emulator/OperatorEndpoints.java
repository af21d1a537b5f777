package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.comanda.stripe.emulator.JsonExchange.body;
import static io.comanda.stripe.emulator.JsonExchange.query;
import static io.comanda.stripe.emulator.JsonExchange.send;

/**
 * The emulator's operator endpoints under {@code /_emulator}, not part of Stripe's API:
 * {@code GET health} answers when it runs, {@code GET charges[?order_id=]} counts the charges really
 * made and those not refunded, {@code GET summary} counts the orders charged, charged twice, and so still
 * after refunds, {@code GET|POST api-keys} reads or sets the secret keys
 * accepted ({@code {"valid":["sk_test_..."]}}; an empty list accepts any {@code sk_test_*} key again),
 * {@code GET|POST idempotency} reads or sets how long idempotency keys are kept ({@code {"keyTtlSeconds":N}},
 * a fraction allowed; Stripe keeps them 24 h) and forgets keys as Stripe prunes them
 * ({@code {"forget":["key",...]}} or {@code {"forgetAll":true}}). The faults are {@link FaultsEndpoint}'s.
 */
final class OperatorEndpoints implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ledger ledger;
    private final ApiKeys apiKeys;
    private final IdempotencyLayer idempotency;

    OperatorEndpoints(Ledger ledger, ApiKeys apiKeys, IdempotencyLayer idempotency) {
        this.ledger = ledger;
        this.apiKeys = apiKeys;
        this.idempotency = idempotency;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // The 400 is sent inside the try-with-resources: once the exchange is closed nothing reaches the client.
        try (exchange) {
            try {
                route(exchange);
            } catch (IllegalArgumentException e) {
                send(exchange, 400, JSON.createObjectNode().put("error", e.getMessage()).toString(), false);
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestURI().getPath()) {
            case "/_emulator/health" -> send(exchange, 200, "{\"status\":\"UP\"}", false);
            case "/_emulator/charges" -> send(exchange, 200, charges(query(exchange, "order_id")), false);
            case "/_emulator/summary" -> send(exchange, 200, summary(), false);
            case "/_emulator/api-keys" -> send(exchange, 200, apiKeys(exchange), false);
            case "/_emulator/idempotency" -> send(exchange, 200, idempotency(exchange), false);
            default -> send(exchange, 404, "{\"error\":\"unknown operator endpoint\"}", false);
        }
    }

    /** The charges made for one order, or every PaymentIntent when {@code orderId} is null. */
    private String charges(String orderId) {
        if (orderId != null) {
            return JSON.createObjectNode().put("orderId", orderId)
                    .put("charges", ledger.chargesForOrder(orderId))
                    .put("unrefunded", ledger.unrefundedChargesForOrder(orderId))
                    .put("refunds", ledger.refundsForOrder(orderId)).toString();
        }
        ArrayNode all = JSON.createArrayNode();
        ledger.paymentIntents().forEach(all::add);
        return all.toString();
    }

    private String summary() {
        Ledger.ChargeSummary summary = ledger.summary();
        return JSON.createObjectNode().put("paymentIntents", summary.paymentIntents())
                .put("chargedOrders", summary.chargedOrders()).put("ordersChargedTwice", summary.ordersChargedTwice())
                .put("replays", summary.replays()).put("unrefundedOrders", summary.unrefundedOrders())
                .put("ordersChargedTwiceUnrefunded", summary.ordersChargedTwiceUnrefunded())
                .put("refunds", summary.refunds()).toString();
    }

    /** Sets the accepted keys on a POST, and answers those in force. */
    private String apiKeys(HttpExchange exchange) throws IOException {
        if ("POST".equals(exchange.getRequestMethod())) {
            JsonNode requested = JSON.readTree(body(exchange)).path("valid");
            if (!requested.isArray()) {
                throw new IllegalArgumentException("expected {\"valid\":[\"sk_test_...\"]}");
            }
            List<String> keys = new ArrayList<>();
            requested.forEach(key -> keys.add(key.asText()));
            apiKeys.accept(keys);
        }
        ObjectNode state = JSON.createObjectNode();
        ArrayNode valid = state.putArray("valid");
        apiKeys.valid().stream().sorted().forEach(valid::add);
        return state.toString();
    }

    /** Sets the idempotency key TTL, or forgets keys, on a POST, and answers the TTL in force. */
    private String idempotency(HttpExchange exchange) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        if ("POST".equals(exchange.getRequestMethod())) {
            JsonNode requested = JSON.readTree(body(exchange));
            JsonNode ttl = requested.path("keyTtlSeconds");
            JsonNode forget = requested.path("forget");
            boolean forgetAll = requested.path("forgetAll").asBoolean(false);
            if (!ttl.isMissingNode() && (!ttl.isNumber() || ttl.asDouble() < 0)
                    || !forget.isMissingNode() && !forget.isArray() || ttl.isMissingNode() && forget.isMissingNode() && !forgetAll) {
                throw new IllegalArgumentException("expected {\"keyTtlSeconds\":N}, N >= 0, {\"forget\":[\"key\",...]} "
                        + "or {\"forgetAll\":true}");
            }
            if (!ttl.isMissingNode()) {
                idempotency.keyTtl(Duration.ofMillis(Math.round(ttl.asDouble() * 1000)));
            }
            if (forgetAll || forget.isArray()) {
                List<String> keys = new ArrayList<>();
                forget.forEach(key -> keys.add(key.asText()));
                answer.put("forgotten", forgetAll ? idempotency.forgetAll() : idempotency.forget(keys));
            }
        }
        return JSON.createObjectNode().put("keyTtlSeconds", idempotency.keyTtl().toMillis() / 1000.0)
                .setAll(answer).toString();
    }
}
