package io.comanda.stripe.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.Optional;

import static io.comanda.stripe.emulator.JsonExchange.bearer;
import static io.comanda.stripe.emulator.JsonExchange.send;

/** An endpoint of Stripe's API: a request whose secret key is missing or refused gets Stripe's 401 first. */
abstract class ApiEndpoint implements HttpHandler {

    private final ApiKeys apiKeys;

    ApiEndpoint(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        String apiKey = bearer(exchange);
        Optional<String> refusal = apiKeys.refusal(apiKey);
        if (refusal.isPresent()) {
            try (exchange) {
                send(exchange, 401, refusal.get(), false);
            }
            return;
        }
        handle(exchange, apiKey);
    }

    /**
     * Answers a request with an accepted key. It must close {@code exchange}, now or, for an answer held
     * back, later.
     */
    abstract void handle(HttpExchange exchange, String apiKey) throws IOException;

    /** Spends the added latency, then answers the request's injected 429 or 500, if it draws one. */
    static boolean answeredByFault(HttpExchange exchange, Faults faults) throws IOException {
        faults.delay();
        int injected = faults.nextFailureStatus();
        if (injected == 429) {
            JsonExchange.sendRateLimited(exchange);
        } else if (injected == 500) {
            send(exchange, 500, IdempotencyLayer.serverError().body(), false);
        }
        return injected != 0;
    }

    static void unrecognized(HttpExchange exchange) throws IOException {
        send(exchange, 404, StripeErrors.error("invalid_request_error", null, "Unrecognized request URL ("
                + exchange.getRequestMethod() + ": " + exchange.getRequestURI().getPath() + ").").toString(), false);
    }
}
