package io.comanda.devstack.clients;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.devstack.parts.StackHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The client of the launcher's control channel, which the CLI and the fault suite drive parts through.
 * The launcher writes the channel's port into {@link #PORT_FILE} in its home.
 *
 * <ul>
 *   <li>{@code GET /parts}: every part's {@link PartStatus}, as a JSON array;</li>
 *   <li>{@code POST /parts/<part>/<stop|start|restart|kill>}: does it and answers once done, with
 *       {@code {"message": ..., "part": <PartStatus>}}; 404 for an unknown part or action, 409 when the
 *       part's state forbids it (killing a stopped part), 500 when a start fails.</li>
 * </ul>
 */
public final class ControlClient {

    /** Where, in the launcher's home, the channel's port is written. */
    public static final String PORT_FILE = "control.port";

    /**
     * The launcher's answer to a command.
     *
     * @param part the part's state afterwards; null when the part is unknown
     */
    public record Reply(int httpStatus, String message, PartStatus part) {

        public boolean succeeded() {
            return httpStatus == 200;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    // Keycloak, the slowest part, may take minutes to start again on a busy machine.
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(6);

    private final String base;

    public ControlClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The channel of the launcher whose home is {@code home}, if it has opened one. */
    public static Optional<ControlClient> of(Path home) {
        return portIn(home).map(ControlClient::new);
    }

    /** The port a running launcher's channel listens on, from {@code home}. */
    public static Optional<Integer> portIn(Path home) {
        try {
            return Optional.of(Integer.parseInt(Files.readString(home.resolve(PORT_FILE)).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
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

    /** Every part of the running stack with its state. */
    public List<PartStatus> parts() {
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
    public Reply send(PartCommand command) {
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
            return StackHttp.send(request);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("the launcher's control channel at " + base + " does not answer: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }
}
