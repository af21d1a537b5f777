package io.comanda.devstack.parts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The one HTTP client of devstack, for talking to the parts it runs and to the services: readiness probes,
 * Kafka Connect's REST API, Keycloak's token endpoint, the launcher's control channel, the test clients.
 * One client keeps one connection pool and one selector thread.
 *
 * <p>It speaks HTTP/1.1 only: every part and service serves it, and a request is sent as written, never
 * as an upgrade to HTTP/2 (which a malformed request of the tests must not be turned into).
 */
public final class StackHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private StackHttp() {
    }

    /**
     * Sends {@code request} and reads the answer as text.
     *
     * @throws UncheckedIOException when the part cannot be reached
     */
    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    /** Sends {@code request} without waiting; the answer, as text, or the failure completes the future. */
    public static CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET url}, waiting up to 10 s for the answer. */
    public static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(DEFAULT_TIMEOUT).build());
    }

    /** The status code {@code GET url} answers. */
    public static int status(String url) {
        return get(url).statusCode();
    }
}
