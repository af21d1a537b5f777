package io.comanda.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Kafka Connect worker (distributed mode, one node) in its own JVM, with the official Debezium
 * PostgreSQL plugin archive on its plugin path: the same relay compose runs.
 *
 * <p>Connector files reference the database through {@code ${env:COMANDA_DB_*}} placeholders,
 * resolved by Kafka's environment-variable config provider, so the very same files serve compose and
 * the local stack.
 */
public final class ConnectWorker implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess process;
    private final int port;

    private ConnectWorker(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a worker against the broker at {@code bootstrapServers}; the connectors it runs reach the
     * database server at {@code dbHost}:{@code dbPort}.
     *
     * @param port the REST port, or 0 for a free one
     */
    public static ConnectWorker start(String bootstrapServers, String dbHost, int dbPort, Path directory, int port,
                                      Path logFile) {
        int restPort = port > 0 ? port : Ports.free();
        RuntimeClasspath classpath = RuntimeClasspath.recorded();
        Path pluginPath = MachineCache.standard().unpacked(classpath.archive("debezium-connector-postgres-"));
        Path config = directory.resolve("connect-distributed.properties");
        writeConfig(config, bootstrapServers, restPort, pluginPath);
        Map<String, String> environment = Map.of(
                "COMANDA_DB_HOST", dbHost,
                "COMANDA_DB_PORT", Integer.toString(dbPort),
                "COMANDA_DB_USER", PostgresServer.USER,
                "COMANDA_DB_PASSWORD", PostgresServer.PASSWORD);
        ChildProcess child = ChildProcess.start("kafka-connect",
                JavaCommand.of(classpath, "512m", directory, "org.apache.kafka.connect.cli.ConnectDistributed",
                        config.toString()),
                directory, environment, logFile);
        ConnectWorker worker = new ConnectWorker(child, restPort);
        try {
            Readiness.await("Kafka Connect", Duration.ofSeconds(120), child, worker::hasPostgresPlugin);
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
        return worker;
    }

    public String restUrl() {
        return restUrl(port);
    }

    static String restUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    public ChildProcess process() {
        return process;
    }

    /**
     * Creates or updates the connector described by the repository's {@code debezium/<file>.json}
     * and waits until it and its task run.
     */
    public void register(String connectorFile) {
        register(restUrl(), connectorFile, process);
    }

    /** Registers a connector with the worker at {@code restUrl}, which may run in another JVM. */
    public static void register(String restUrl, String connectorFile, ChildProcess worker) {
        ConnectorDefinition connector = ConnectorDefinition.load(connectorFile);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(restUrl + "/connectors/" + connector.name() + "/config"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(connector.config())))
                    .timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Kafka Connect refused connector " + connector.name() + ": "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Readiness.await("connector " + connector.name(), Duration.ofSeconds(60), worker,
                () -> isRunning(restUrl, connector.name()));
    }

    /** True when the connector and all of its tasks report RUNNING. */
    public static boolean isRunning(String restUrl, String connectorName) throws IOException, InterruptedException {
        HttpResponse<String> response = get(restUrl, "/connectors/" + connectorName + "/status");
        if (response.statusCode() != 200) {
            return false;
        }
        JsonNode status = JSON.readTree(response.body());
        JsonNode tasks = status.path("tasks");
        if (!"RUNNING".equals(status.path("connector").path("state").asText()) || tasks.isEmpty()) {
            return false;
        }
        for (JsonNode task : tasks) {
            if ("FAILED".equals(task.path("state").asText())) {
                throw new IllegalStateException("connector " + connectorName + " task failed: "
                        + task.path("trace").asText().lines().findFirst().orElse(""));
            }
            if (!"RUNNING".equals(task.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        process.close();
    }

    private boolean hasPostgresPlugin() throws IOException, InterruptedException {
        HttpResponse<String> response = get(restUrl(), "/connector-plugins");
        return response.statusCode() == 200 && response.body().contains("io.debezium.connector.postgresql.PostgresConnector");
    }

    private static HttpResponse<String> get(String restUrl, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(restUrl + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void writeConfig(Path config, String bootstrapServers, int restPort, Path pluginPath) {
        List<String> lines = List.of(
                "bootstrap.servers=" + bootstrapServers,
                "group.id=comanda-connect",
                "config.storage.topic=comanda-connect-configs",
                "offset.storage.topic=comanda-connect-offsets",
                "status.storage.topic=comanda-connect-status",
                "config.storage.replication.factor=1",
                "offset.storage.replication.factor=1",
                "status.storage.replication.factor=1",
                "offset.flush.interval.ms=1000",
                "key.converter=org.apache.kafka.connect.storage.StringConverter",
                "value.converter=org.apache.kafka.connect.storage.StringConverter",
                "listeners=http://127.0.0.1:" + restPort,
                "rest.advertised.host.name=127.0.0.1",
                "rest.advertised.port=" + restPort,
                "plugin.path=" + pluginPath,
                "plugin.discovery=service_load",
                "config.providers=env",
                "config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider");
        try {
            Files.createDirectories(config.getParent());
            Files.write(config, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
