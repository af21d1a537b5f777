package io.comanda.devstack.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The CLI's side of the launcher's {@link ControlServer control channel}; the fault suite drives parts through it too. */
public final class ControlClient {

    /**
     * The launcher's answer to a command.
     *
     * @param part the part's state afterwards; null when the part is unknown
     */
    record Reply(int httpStatus, String message, PartStatus part) {

        boolean succeeded() {
            return httpStatus == 200;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    // Keycloak, the slowest part, may take minutes to start again on a busy machine.
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(6);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ControlClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The channel of the launcher whose home is {@code home}, if it has opened one. */
    public static Optional<ControlClient> of(Path home) {
        return ControlServer.portIn(home).map(ControlClient::new);
    }

    /**
     * Runs {@code stop|start|restart|kill} on {@code part} and waits until it is done.
     *
     * @return the launcher's account of it, e.g. {@code started payments (pid 123) in 5.6 s}
     * @throws IllegalStateException with the launcher's answer when it refused or failed
     */
    public String run(String action, String part) {
        PartCommand command = PartCommand.parse(List.of(action, part));
        Reply reply = send(command);
        if (!reply.succeeded()) {
            throw new IllegalStateException(action + " " + part + ": " + reply.message());
        }
        return reply.message();
    }

    List<PartStatus> parts() {
        String body = send(HttpRequest.newBuilder(URI.create(base + "/parts")).timeout(Duration.ofSeconds(10))
                .GET().build()).body();
        try {
            return JSON.readValue(body, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the launcher's answer is not a list of parts: " + body, e);
        }
    }

    /** Sends {@code command} and waits until the launcher has carried it out. */
    Reply send(PartCommand command) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + command.path()))
                .timeout(COMMAND_TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build());
        try {
            JsonNode body = JSON.readTree(response.body());
            PartStatus part = body.hasNonNull("part") ? JSON.treeToValue(body.get("part"), PartStatus.class) : null;
            return new Reply(response.statusCode(), body.path("message").asText(), part);
        } catch (IOException e) {
            throw new UncheckedIOException("the launcher's answer is not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the launcher's control channel at " + base + " does not answer: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the launcher", e);
        }
    }
}
