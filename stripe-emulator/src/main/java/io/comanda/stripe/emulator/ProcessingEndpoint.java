package io.comanda.stripe.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.time.Duration;

import static io.comanda.stripe.emulator.JsonExchange.body;
import static io.comanda.stripe.emulator.JsonExchange.send;

/**
 * The operator endpoint {@code /_emulator/processing}, not part of Stripe's API: {@code GET} answers
 * how long a {@code pm_card_processing} payment stays {@code processing}, {@code POST} with
 * {@code {"processingMs": 500}} sets it for the payments confirmed from then on.
 */
final class ProcessingEndpoint implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessingTime processingTime;

    ProcessingEndpoint(ProcessingTime processingTime) {
        this.processingTime = processingTime;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // Inside the exchange's block: a refusal must be answered before the exchange closes.
            try {
                if ("POST".equals(exchange.getRequestMethod())) {
                    processingTime.set(Duration.ofMillis(requestedMillis(body(exchange))));
                }
            } catch (IllegalArgumentException e) {
                send(exchange, 400, JSON.createObjectNode().put("error", e.getMessage()).toString(), false);
                return;
            }
            send(exchange, 200, JSON.createObjectNode().put("processingMs", processingTime.get().toMillis()).toString(),
                    false);
        }
    }

    private static long requestedMillis(String body) {
        JsonNode millis;
        try {
            millis = JSON.readTree(body).path("processingMs");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (!millis.canConvertToLong()) {
            throw new IllegalArgumentException("processingMs must be a number of milliseconds");
        }
        return millis.asLong();
    }
}
