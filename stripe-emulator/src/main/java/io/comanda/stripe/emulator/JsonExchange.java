package io.comanda.stripe.emulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reading a request and answering JSON the way Stripe does, for every endpoint of the emulator. */
final class JsonExchange {

    private JsonExchange() {
    }

    static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name) && parts.length == 2) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The secret key of the request's {@code Authorization: Bearer} header, or null. */
    static String bearer(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            return null;
        }
        return authorization.substring(7);
    }

    /** Stripe's 429: refused before it executes, so nothing is stored for its key; the client may retry. */
    static void sendRateLimited(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Stripe-Should-Retry", "true");
        send(exchange, 429, StripeErrors.error("invalid_request_error", "rate_limit",
                "Too many requests (injected).").toString(), false);
    }

    /** @param replayed whether Stripe would mark the answer as an idempotent replay */
    static void send(HttpExchange exchange, int status, String body, boolean replayed) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_emulated");
        if (replayed) {
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
