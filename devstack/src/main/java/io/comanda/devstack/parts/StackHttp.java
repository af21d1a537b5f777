package io.comanda.devstack.parts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The one HTTP client of devstack, for talking to the parts it runs: readiness probes, Kafka Connect's
 * REST API, Keycloak's token endpoint. One client keeps one connection pool and one selector thread.
 */
public final class StackHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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

    /** {@code GET url}, waiting up to 10 s for the answer. */
    public static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(DEFAULT_TIMEOUT).build());
    }

    /** The status code {@code GET url} answers. */
    public static int status(String url) {
        return get(url).statusCode();
    }
}
