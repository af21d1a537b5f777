package io.comanda.devstack.parts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kafka Connect worker (distributed mode, one node, or one of the {@link ConnectGroup}'s workers) in its
 * own JVM, with the official Debezium PostgreSQL plugin archive on its plugin path: the same relay compose runs.
 *
 * <p>Connector files reference the database through {@code ${env:COMANDA_DB_*}} placeholders, and the
 * durability of the topics they create through {@code ${env:COMANDA_KAFKA_TOPICS_*}}, resolved by
 * Kafka's environment-variable config provider, so the very same files serve compose and the local stack.
 */
public final class ConnectWorker extends ProcessPart {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POSTGRES_CONNECTOR = "io.debezium.connector.postgresql.PostgresConnector";

    private ConnectWorker(ChildProcess process, String restUrl) {
        super(process, restUrl);
    }

    /**
     * Starts a worker against the broker at {@code bootstrapServers}; the connectors it runs reach the
     * database server at {@code dbHost}:{@code dbPort}. Ready when its REST API lists the PostgreSQL connector.
     *
     * @param port the REST port, or 0 for a free one
     */
    public static ConnectWorker start(String bootstrapServers, String dbHost, int dbPort, Path directory, int port,
                                      Path logFile) {
        return start(StackPart.CONNECT.partName(), ConnectGroup.ONE_WORKER, bootstrapServers, dbHost, dbPort,
                directory, port, logFile);
    }

    /**
     * The same for a worker of {@code group}.
     *
     * @param name its part's name, e.g. {@code kafka-connect-2}
     */
    public static ConnectWorker start(String name, ConnectGroup group, String bootstrapServers, String dbHost,
                                      int dbPort, Path directory, int port, Path logFile) {
        int restPort = Ports.orFree(port);
        String restUrl = Ports.httpUrl(restPort);
        RuntimeClasspath classpath = RuntimeClasspath.recorded();
        Path pluginPath = MachineCache.standard().unpacked(classpath.archive("debezium-connector-postgres-"));
        Path config = directory.resolve("connect-distributed.properties");
        write(config, settings(group, bootstrapServers, restPort, pluginPath));
        Map<String, String> environment = new HashMap<>(Map.of(
                "COMANDA_DB_HOST", dbHost,
                "COMANDA_DB_PORT", Integer.toString(dbPort),
                // Debezium streams with the relay's least-privilege role, as in compose.
                "COMANDA_DB_USER", PostgresServer.RELAY_USER,
                "COMANDA_DB_PASSWORD", PostgresServer.RELAY_PASSWORD));
        // The topics the relay creates, as compose's: as durable as the group's brokers allow.
        environment.putAll(group.durability().environment());
        ReadinessProbe listsPostgresPlugin = new ReadinessProbe(Duration.ofSeconds(120), () -> {
            HttpResponse<String> plugins = StackHttp.get(restUrl + "/connector-plugins");
            return plugins.statusCode() == 200 && plugins.body().contains(POSTGRES_CONNECTOR);
        });
        return start(new ProcessSpec(name,
                JavaCommand.of(classpath, JvmSizing.fixed("192m"), directory, "org.apache.kafka.connect.cli.ConnectDistributed",
                        config.toString()),
                directory, environment, logFile, restUrl, listsPostgresPlugin), ConnectWorker::new);
    }

    public String restUrl() {
        return address();
    }

    /**
     * Creates or updates the connector described by the repository's {@code debezium/<file>.json}
     * and waits until it and its task run.
     */
    public void register(String connectorFile) {
        register(restUrl(), connectorFile, this);
    }

    /**
     * After the worker started again: a connector it kept (connector configurations live in a Kafka topic)
     * is awaited until it and its task run; one it lost (the topic was wiped) is registered again.
     */
    public void restore(String connectorFile) {
        String connector = ConnectorDefinition.load(connectorFile).name();
        if (StackHttp.get(restUrl() + "/connectors/" + connector).statusCode() != 200) {
            register(connectorFile);
            return;
        }
        new ReadinessProbe(Duration.ofSeconds(60), () -> isRunning(restUrl(), connector))
                .await("connector " + connector, this);
    }

    /**
     * Registers a connector with the worker at {@code restUrl}, which another class loader of this JVM
     * may have started, unless it already runs; then waits until it and its task run.
     */
    public static void ensureRegistered(String restUrl, String connectorFile) {
        if (!isRunning(restUrl, ConnectorDefinition.load(connectorFile).name())) {
            register(restUrl, connectorFile, null);
        }
    }

    private static void register(String restUrl, String connectorFile, ManagedPart worker) {
        register(restUrl, ConnectorDefinition.load(connectorFile), worker);
    }

    /**
     * Creates or updates {@code connector} with the worker at {@code restUrl}, then waits until it and its
     * task run.
     */
    public static void register(String restUrl, ConnectorDefinition connector) {
        register(restUrl, connector, null);
    }

    /** Deletes the connector named {@code connectorName}; its replication slot stays (drop it to free its WAL). */
    public static void delete(String restUrl, String connectorName) {
        HttpResponse<String> response = StackHttp.send(HttpRequest.newBuilder(
                        URI.create(restUrl + "/connectors/" + connectorName))
                .DELETE().timeout(Duration.ofSeconds(30)).build());
        if (response.statusCode() >= 300 && response.statusCode() != 404) {
            throw new IllegalStateException("Kafka Connect did not delete connector " + connectorName + ": "
                    + response.statusCode() + " " + response.body());
        }
    }

    private static void register(String restUrl, ConnectorDefinition connector, ManagedPart worker) {
        HttpResponse<String> response = StackHttp.send(HttpRequest.newBuilder(
                        URI.create(restUrl + "/connectors/" + connector.name() + "/config"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(connector.config())))
                .timeout(Duration.ofSeconds(30))
                .build());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("Kafka Connect refused connector " + connector.name() + ": "
                    + response.statusCode() + " " + response.body());
        }
        new ReadinessProbe(Duration.ofSeconds(60), () -> isRunning(restUrl, connector.name()))
                .await("connector " + connector.name(), worker);
    }

    /**
     * True when the connector and all of its tasks report RUNNING.
     *
     * @throws IllegalStateException with the first line of its trace when a task failed
     */
    public static boolean isRunning(String restUrl, String connectorName) {
        HttpResponse<String> response = StackHttp.get(restUrl + "/connectors/" + connectorName + "/status");
        if (response.statusCode() != 200) {
            return false;
        }
        JsonNode status = read(response.body());
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

    private static String json(Map<String, String> config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A worker's {@code connect-distributed.properties}, one setting a line. */
    static List<String> settings(ConnectGroup group, String bootstrapServers, int restPort, Path pluginPath) {
        List<String> lines = new ArrayList<>();
        lines.add("bootstrap.servers=" + bootstrapServers);
        lines.addAll(group.settings());
        lines.addAll(List.of(
                "offset.flush.interval.ms=1000",
                // Connectors may tune their own producer: the outbox relays send each change at once
                // (producer.override.linger.ms=0) instead of lingering for a batch on every hop.
                "connector.client.config.override.policy=All",
                "key.converter=org.apache.kafka.connect.storage.StringConverter",
                "value.converter=org.apache.kafka.connect.storage.StringConverter",
                "listeners=http://127.0.0.1:" + restPort,
                "rest.advertised.host.name=127.0.0.1",
                "rest.advertised.port=" + restPort,
                "plugin.path=" + pluginPath,
                "plugin.discovery=service_load",
                "config.providers=env",
                "config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider"));
        return lines;
    }

    private static void write(Path config, List<String> lines) {
        try {
            Files.createDirectories(config.getParent());
            Files.write(config, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
