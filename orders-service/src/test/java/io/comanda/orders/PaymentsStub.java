package io.comanda.orders;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * payments-service's payment-state API ({@code GET /payments/{orderId}}) as reconciliation asks it, for a
 * test that decides what it knows: a charged payment for each order it was told of, 404 for any other.
 * It counts the questions per order. Sets {@code comanda.payments.url}.
 */
public class PaymentsStub implements QuarkusTestResourceLifecycleManager {

    private static final Map<UUID, String> CHARGED = new ConcurrentHashMap<>();
    private static final Map<UUID, AtomicInteger> ASKED = new ConcurrentHashMap<>();
    private HttpServer server;

    /** From now on the order's payment is charged, for its customer's {@code amount} in EUR. */
    static void charged(UUID orderId, String customerId, long amount) {
        CHARGED.put(orderId, """
                {"orderId": "%s", "status": "charged", "paymentId": "%s", "customerId": "%s", "amount": %d,
                 "currency": "EUR", "providerReference": "pi_stub", "outcomeEventId": "%s", "recordedAt": "%s"}
                """.formatted(orderId, UUID.randomUUID(), customerId, amount, UUID.randomUUID(), Instant.now()));
    }

    /** How often reconciliation asked about the order. */
    static int asked(UUID orderId) {
        AtomicInteger count = ASKED.get(orderId);
        return count == null ? 0 : count.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the payments stub", e);
        }
        server.createContext("/payments/", PaymentsStub::answer);
        server.start();
        return Map.of("comanda.payments.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        UUID orderId = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        ASKED.computeIfAbsent(orderId, id -> new AtomicInteger()).incrementAndGet();
        String payment = CHARGED.get(orderId);
        byte[] body = (payment != null ? payment : "{\"status\": 404, \"title\": \"Not Found\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", payment != null ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(payment != null ? 200 : 404, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
