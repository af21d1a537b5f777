package io.comanda.stripe.emulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

import static io.comanda.stripe.emulator.JsonExchange.send;

/** {@code GET /v1/balance}: an empty test-mode balance, what a client reads to check its key. */
final class BalanceEndpoint extends ApiEndpoint {

    private final Faults faults;

    BalanceEndpoint(ApiKeys apiKeys, Faults faults) {
        super(apiKeys);
        this.faults = faults;
    }

    @Override
    void handle(HttpExchange exchange, String apiKey) throws IOException {
        try (exchange) {
            faults.delay();
            send(exchange, 200, "{\"object\":\"balance\",\"available\":[],\"pending\":[],\"livemode\":false}", false);
        }
    }
}
