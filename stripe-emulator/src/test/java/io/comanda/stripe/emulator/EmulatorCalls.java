package io.comanda.stripe.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Plain HTTP calls to an emulator, for what the SDK hides: status, headers, operator endpoints, a client timeout. */
final class EmulatorCalls {

    static final String API_KEY = "sk_test_emulator";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final StripeEmulator emulator;

    EmulatorCalls(StripeEmulator emulator) {
        this.emulator = emulator;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A confirmed card payment of 700 for {@code orderId}, with {@code idempotencyKey} unless null. */
    HttpResponse<String> create(String orderId, String idempotencyKey) {
        return send(createRequest(orderId, idempotencyKey, Duration.ofSeconds(30)));
    }

    /** The same create sent by a client that gives up after {@code timeout}. */
    CompletableFuture<HttpResponse<String>> createAsync(String orderId, String idempotencyKey, Duration timeout) {
        return CLIENT.sendAsync(createRequest(orderId, idempotencyKey, timeout), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest createRequest(String orderId, String idempotencyKey, Duration timeout) {
        HttpRequest.Builder request = request("/v1/payment_intents").timeout(timeout)
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("amount=700&currency=eur&confirm=true"
                        + "&payment_method=pm_card_visa&metadata%5Border_id%5D=" + orderId));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.build();
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(emulator.apiBase() + pathAndQuery))
                .header("Authorization", "Bearer " + API_KEY);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
