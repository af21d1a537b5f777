package io.comanda.devstack.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.devstack.clients.MalformedRequests.MalformedRequest;
import io.comanda.devstack.parts.StackHttp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Sends a corpus of {@link MalformedRequests} to a running service and lists every answer that breaks
 * the error contract: a status of 500 or more, no answer at all, or an error that is not
 * {@code application/problem+json} with {@code type}, {@code title} and {@code status}. A 2xx is fine:
 * an unknown query parameter is ignored, and a mutation can happen to be valid.
 */
public final class MalformedRequestSender {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IN_FLIGHT = 8;

    private MalformedRequestSender() {
    }

    /**
     * @param base        the service's address, e.g. {@code http://127.0.0.1:8081}
     * @param bearerToken sent on every request (an authenticated caller reaches the parsing), or null
     * @return one line per request whose answer breaks the contract; empty when all keep it
     */
    public static List<String> violations(String base, String bearerToken, List<MalformedRequest> corpus) {
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<?>> answers = new ArrayList<>();
        for (MalformedRequest request : corpus) {
            inFlight.acquireUninterruptibly();
            answers.add(StackHttp.sendAsync(build(base, bearerToken, request))
                    .handle((response, failure) -> {
                        inFlight.release();
                        String violation = failure != null ? "no answer (" + failure.getClass().getSimpleName() + ")"
                                : violation(response);
                        if (violation != null) {
                            violations.add(request.method() + " " + abbreviate(request.path()) + " ["
                                    + request.description() + "]: " + violation);
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        return List.copyOf(violations);
    }

    private static HttpRequest build(String base, String bearerToken, MalformedRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        request.headers().forEach(builder::header);
        if (request.headers().keySet().stream().noneMatch("Idempotency-Key"::equalsIgnoreCase)) {
            builder.header("Idempotency-Key", "corpus-" + Integer.toHexString(System.identityHashCode(request)));
        }
        return builder.build();
    }

    private static String violation(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "answered " + status;
        }
        if (status < 400) {
            return null;
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json")) {
            return "answered " + status + " as '" + contentType + "'";
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (!problem.path("type").isTextual() || !problem.path("title").isTextual()
                    || problem.path("status").asInt() != status) {
                return "answered " + status + " with a problem lacking type, title or status: "
                        + abbreviate(response.body());
            }
            return null;
        } catch (IOException e) {
            return "answered " + status + " with a body that is not JSON: " + abbreviate(response.body());
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 120 ? value : value.substring(0, 120) + "...";
    }
}
