package io.comanda.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.devstack.clients.AccessTokens;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.parts.StackHttp;
import io.comanda.devstack.parts.StackPart;
import io.comanda.devstack.parts.StackPorts;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code ./comanda reindex}: asks the running search-indexer to rebuild its index from the whole of
 * {@code comanda.orders} ({@code POST /search/reindex}, as the realm's admin {@code ops}, through the
 * {@code comanda-cli} client), then follows it ({@code GET}) until it is DONE or FAILED, printing how
 * many records it has read. Searches keep answering from the current index meanwhile.
 */
final class Reindex {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration LIMIT = Duration.ofHours(1);

    private Reindex() {
    }

    /** @return 0 when the rebuild is DONE, 1 when it failed or the stack cannot be reached */
    static int run(StackPorts ports, PrintStream out) throws InterruptedException {
        String url = "http://127.0.0.1:" + ports.of(StackPart.SEARCH) + "/search/reindex";
        String token;
        try {
            token = AccessTokens.forUser("http://127.0.0.1:" + ports.of(StackPart.KEYCLOAK), LocalUser.OPS);
            HttpResponse<String> started = StackHttp.send(request(url, token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            if (started.statusCode() != 202) {
                out.println("search-indexer did not start a rebuild (" + started.statusCode() + "): " + started.body());
                return 1;
            }
        } catch (RuntimeException e) {
            out.println("Cannot reach search-indexer at " + url + " (is Comanda running?): " + e.getMessage());
            return 1;
        }
        out.println("Rebuilding the search index from comanda.orders ...");
        Instant deadline = Instant.now().plus(LIMIT);
        long printed = -1;
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = status(url, token);
            long read = status.path("eventsRead").asLong();
            String state = status.path("state").asText();
            if ("DONE".equals(state)) {
                out.println("Done: " + read + " events read; the rebuilt index answers searches now.");
                return 0;
            }
            if ("FAILED".equals(state)) {
                out.println("Failed after " + read + " events read: " + status.path("error").asText()
                        + " (the index searches use is unchanged)");
                return 1;
            }
            if (read != printed) {
                out.println("  " + read + " events read");
                printed = read;
            }
            Thread.sleep(POLL.toMillis());
        }
        out.println("Still running after " + LIMIT.toMinutes() + " minutes; follow it with GET " + url);
        return 1;
    }

    private static JsonNode status(String url, String token) {
        HttpResponse<String> answer = StackHttp.send(request(url, token).GET().build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }
}
