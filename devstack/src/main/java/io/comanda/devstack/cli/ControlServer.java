package io.comanda.devstack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.comanda.devstack.clients.ControlClient;
import io.comanda.devstack.parts.RestartablePart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The launcher's control channel: a small HTTP server on loopback through which {@code ./comanda stop,
 * start, restart, kill <part>} and {@code status} reach the parts of the running stack. Its port is
 * written to {@code .comanda/control.port}; {@link ControlClient} describes its requests and answers.
 */
final class ControlServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads;
    private final Path portFile;
    private final PartCommands commands;

    private ControlServer(HttpServer server, ExecutorService threads, Path portFile, PartCommands commands) {
        this.server = server;
        this.threads = threads;
        this.portFile = portFile;
        this.commands = commands;
    }

    /**
     * Opens the channel on {@code port} of the loopback interface (0 for a free one) and writes the
     * port into {@code home}.
     *
     * @param parts the stack's parts under control, as they are at each request
     */
    static ControlServer open(Path home, int port, Supplier<List<RestartablePart<?>>> parts) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            // Several threads: status answers while a slow part (Keycloak) starts again.
            ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "comanda-control");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(threads);
            ControlServer control = new ControlServer(server, threads, home.resolve(ControlClient.PORT_FILE),
                    new PartCommands(parts));
            server.createContext("/parts", control::handle);
            server.start();
            Files.createDirectories(home);
            Files.writeString(control.portFile, Integer.toString(control.port()));
            return control;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the control channel on port " + port + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            if (path.length == 2 && "GET".equals(exchange.getRequestMethod())) {
                reply(exchange, 200, commands.statuses());
            } else if (path.length == 4 && "POST".equals(exchange.getRequestMethod())) {
                PartCommands.Answer answer = commands.run(path[2], path[3]);
                reply(exchange, answer.httpStatus(), answer.body());
            } else {
                reply(exchange, 404, Map.of("message", "no such request: " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath()));
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }

    /** Stops taking commands and removes the port file; a command under way finishes with the launcher. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            Files.deleteIfExists(portFile);
        } catch (IOException ignored) {
            // A stale port file is harmless: the CLI asks only a launcher whose pid file names a live process.
        }
    }
}
