package io.comanda.notifications;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.comanda.devstack.quarkus.TestStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Something between the service and Keycloak's admin API, as a proxy is during a rollout: it forwards
 * every request to the run's Keycloak, except while its window is open, when it answers 404 with a page
 * of its own (not Keycloak's JSON). Tests open and close the window, and read how many requests it
 * answered so, over HTTP ({@link #openWindow()}, {@link #closeWindow()}, {@link #notFoundAnswers()}),
 * since the application and the test see it from different class loaders.
 */
public class KeycloakAdminProxy implements QuarkusTestResourceLifecycleManager {

    static final String URL = "comanda.test.keycloak-admin-proxy";

    private final AtomicBoolean window = new AtomicBoolean();
    private final AtomicInteger notFound = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private HttpServer server;
    private String keycloak;

    @Override
    public Map<String, String> start() {
        keycloak = TestStack.keycloak().url();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Keycloak proxy", e);
        }
        server.setExecutor(threads);
        server.createContext("/window", this::window);
        server.createContext("/admin", this::admin);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.keycloak-admin.url", url + "/admin/realms/comanda", URL, url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        threads.shutdownNow();
    }

    static void openWindow() {
        control("POST", "/window?open=true");
    }

    static void closeWindow() {
        control("POST", "/window?open=false");
    }

    /** How many requests the proxy answered 404 itself since it started. */
    static int notFoundAnswers() {
        return Integer.parseInt(control("GET", "/window"));
    }

    private static String control(String method, String path) {
        String url = ConfigProvider.getConfig().getValue(URL, String.class);
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot reach the Keycloak proxy", e);
        }
    }

    private void window(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        if ("POST".equals(exchange.getRequestMethod()) && query != null) {
            window.set(query.endsWith("open=true"));
        }
        answer(exchange, 200, "text/plain", Integer.toString(notFound.get()));
    }

    private void admin(HttpExchange exchange) throws IOException {
        if (window.get()) {
            notFound.incrementAndGet();
            answer(exchange, 404, "text/html", "<html><body><h1>404 Not Found</h1>upstream is rolling out</body></html>");
            return;
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(keycloak + exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(10)).GET();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            forward.header("Authorization", authorization);
        }
        forward.header("Accept", "application/json");
        try {
            HttpResponse<String> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofString());
            answer(exchange, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 502, "text/plain", "interrupted");
        }
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
