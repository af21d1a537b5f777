package io.comanda.stripe.emulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Map;

import static io.comanda.stripe.emulator.JsonExchange.body;
import static io.comanda.stripe.emulator.JsonExchange.query;
import static io.comanda.stripe.emulator.JsonExchange.send;

/**
 * {@code /v1/payment_intents}: {@code POST} creates (under the create faults, {@link IdempotentPost}),
 * {@code GET} lists ({@link PaymentIntentList}), {@code GET /search} searches, {@code GET /{id}} retrieves;
 * the reads under the transient failures and latency.
 */
final class PaymentIntentsEndpoint extends ApiEndpoint {

    private static final String BASE = "/v1/payment_intents";

    private final PaymentIntents paymentIntents;
    private final PaymentIntentList list;
    private final Faults faults;
    private final SearchLag searchLag;
    private final IdempotentPost post;

    PaymentIntentsEndpoint(ApiKeys apiKeys, PaymentIntents paymentIntents, PaymentIntentList list, Faults faults,
                           SearchLag searchLag, IdempotentPost post) {
        super(apiKeys);
        this.paymentIntents = paymentIntents;
        this.list = list;
        this.faults = faults;
        this.searchLag = searchLag;
        this.post = post;
    }

    @Override
    void handle(HttpExchange exchange, String apiKey) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("POST".equals(exchange.getRequestMethod()) && path.equals(BASE)) {
            Map<String, String> parameters = FormBody.parse(body(exchange));
            post.answer(exchange, apiKey, parameters, faults.nextCreateFault(), () -> PaymentIntents.invalid(parameters),
                    () -> paymentIntents.create(parameters));
            return;
        }
        try (exchange) {
            if (answeredByFault(exchange, faults)) {
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                unrecognized(exchange);
            } else {
                read(exchange, path);
            }
        }
    }

    private void read(HttpExchange exchange, String path) throws IOException {
        IdempotencyLayer.Result result;
        if (path.equals(BASE)) {
            result = list.list(FormBody.parse(exchange.getRequestURI().getRawQuery()));
        } else if (path.equals(BASE + "/search")) {
            result = paymentIntents.search(query(exchange, "query"), searchLag.get());
        } else if (path.startsWith(BASE + "/")) {
            result = paymentIntents.retrieve(path.substring(BASE.length() + 1));
        } else {
            unrecognized(exchange);
            return;
        }
        send(exchange, result.status(), result.body(), false);
    }
}
