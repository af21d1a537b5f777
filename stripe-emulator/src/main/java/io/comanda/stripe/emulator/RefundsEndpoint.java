package io.comanda.stripe.emulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Map;

import static io.comanda.stripe.emulator.JsonExchange.body;
import static io.comanda.stripe.emulator.JsonExchange.send;

/**
 * {@code /v1/refunds}: {@code POST} refunds under Stripe's idempotency and the transient failures
 * ({@link IdempotentPost}), {@code GET} lists them.
 */
final class RefundsEndpoint extends ApiEndpoint {

    private final Refunds refunds;
    private final Faults faults;
    private final IdempotentPost post;

    RefundsEndpoint(ApiKeys apiKeys, Refunds refunds, Faults faults, IdempotentPost post) {
        super(apiKeys);
        this.refunds = refunds;
        this.faults = faults;
        this.post = post;
    }

    @Override
    void handle(HttpExchange exchange, String apiKey) throws IOException {
        boolean root = exchange.getRequestURI().getPath().equals("/v1/refunds");
        if (root && "POST".equals(exchange.getRequestMethod())) {
            Map<String, String> parameters = FormBody.parse(body(exchange));
            post.answer(exchange, apiKey, parameters, faults.nextRequestFault(), () -> Refunds.invalid(parameters),
                    () -> refunds.create(parameters));
            return;
        }
        try (exchange) {
            if (answeredByFault(exchange, faults)) {
                return;
            }
            if (root && "GET".equals(exchange.getRequestMethod())) {
                IdempotencyLayer.Result result = refunds.list(FormBody.parse(exchange.getRequestURI().getRawQuery()));
                send(exchange, result.status(), result.body(), false);
            } else {
                unrecognized(exchange);
            }
        }
    }
}
