package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Stripe-compatible API server: {@code POST /v1/payment_intents} (with {@code confirm=true}) and
 * {@code GET /v1/payment_intents/{id}}, Stripe's idempotency semantics and test payment methods.
 *
 * <p>Operator endpoints, not part of Stripe's API: {@code GET /_emulator/charges[?order_id=]} counts
 * the charges really made, {@code POST /_emulator/faults} sets latency, the transient failure rate (with
 * an optional seed) and a number of requests to fail next,
 * {@code GET /_emulator/health} answers when it runs.
 */
public final class StripeEmulator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Without TCP_NODELAY the JDK server's small writes meet the client's delayed ACK: ~40 ms a call.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Ledger ledger = new Ledger();
    private final Faults faults = new Faults();
    private final IdempotencyLayer idempotency = new IdempotencyLayer();
    private final PaymentIntents paymentIntents = new PaymentIntents(ledger);

    private StripeEmulator(InetSocketAddress address) {
        try {
            server = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
        executor = Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "stripe-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/v1/payment_intents", this::paymentIntents);
        server.createContext("/_emulator", this::operator);
    }

    /** Starts on loopback, on {@code port} or a free one when 0. */
    public static StripeEmulator start(int port) {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** Starts on {@code address}, e.g. all interfaces inside a container. */
    public static StripeEmulator start(InetSocketAddress address) {
        StripeEmulator emulator = new StripeEmulator(address);
        emulator.server.start();
        return emulator;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String apiBase() {
        return "http://127.0.0.1:" + port();
    }

    public Ledger ledger() {
        return ledger;
    }

    public Faults faults() {
        return faults;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Runs the emulator until the process is stopped:
     * {@code --port 12111 --bind 127.0.0.1 --failure-rate 0 --latency-ms 0}.
     */
    public static void main(String[] args) {
        int port = 12111;
        String bind = "127.0.0.1";
        double failureRate = 0;
        long latency = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--bind" -> bind = args[i + 1];
                case "--failure-rate" -> failureRate = Double.parseDouble(args[i + 1]);
                case "--latency-ms" -> latency = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        StripeEmulator emulator = start(new InetSocketAddress(bind, port));
        emulator.faults().set(latency, failureRate);
        System.out.println("Stripe emulator listening on " + emulator.apiBase());
    }

    private void paymentIntents(HttpExchange exchange) throws IOException {
        try (exchange) {
            String apiKey = bearer(exchange);
            if (apiKey == null) {
                send(exchange, 401, StripeErrors.error("invalid_request_error", null,
                        "You did not provide an API key. Use 'Authorization: Bearer sk_test_...'.").toString(), false);
                return;
            }
            faults.delay();
            int injected = faults.nextFailureStatus();
            if (injected != 0) {
                exchange.getResponseHeaders().add("Stripe-Should-Retry", "true");
                send(exchange, injected, injected == 429
                        ? StripeErrors.error("invalid_request_error", "rate_limit", "Too many requests (injected).").toString()
                        : StripeErrors.error("api_error", null, "An unknown error occurred (injected).").toString(), false);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if ("POST".equals(exchange.getRequestMethod()) && path.equals("/v1/payment_intents")) {
                Map<String, String> parameters = FormBody.parse(body(exchange));
                IdempotencyLayer.Result result = idempotency.execute(apiKey,
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"), parameters,
                        () -> paymentIntents.create(parameters));
                if (result.replayed()) {
                    ledger.countReplay();
                }
                send(exchange, result.status(), result.body(), result.replayed());
            } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/v1/payment_intents/")) {
                IdempotencyLayer.Result result = paymentIntents.retrieve(path.substring("/v1/payment_intents/".length()));
                send(exchange, result.status(), result.body(), false);
            } else {
                send(exchange, 404, StripeErrors.error("invalid_request_error", null,
                        "Unrecognized request URL (" + exchange.getRequestMethod() + ": " + path + ").").toString(), false);
            }
        }
    }

    private void operator(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/_emulator/health" -> send(exchange, 200, "{\"status\":\"UP\"}", false);
                case "/_emulator/charges" -> {
                    String orderId = query(exchange, "order_id");
                    if (orderId != null) {
                        send(exchange, 200, JSON.createObjectNode().put("orderId", orderId)
                                .put("charges", ledger.chargesForOrder(orderId)).toString(), false);
                    } else {
                        ArrayNode all = JSON.createArrayNode();
                        ledger.paymentIntents().forEach(all::add);
                        send(exchange, 200, all.toString(), false);
                    }
                }
                case "/_emulator/faults" -> {
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
                    send(exchange, 200, state.toString(), false);
                }
                default -> send(exchange, 404, "{\"error\":\"unknown operator endpoint\"}", false);
            }
        } catch (IllegalArgumentException e) {
            send(exchange, 400, JSON.createObjectNode().put("error", e.getMessage()).toString(), false);
        }
    }

    private static String bearer(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            return null;
        }
        return authorization.substring(7);
    }

    private static String query(HttpExchange exchange, String name) {
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

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String body, boolean replayed) throws IOException {
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
