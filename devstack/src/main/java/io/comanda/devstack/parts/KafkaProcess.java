package io.comanda.devstack.parts;

import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A KRaft broker in its own JVM, for the local stack and for tests that stop and restart their broker:
 * it keeps its data between runs and listens on the ports it is given, as a broker in production would.
 * Alone it is its own quorum; in the local stack's cluster mode it is one of the {@link KafkaQuorum}'s nodes.
 */
public final class KafkaProcess extends ProcessPart implements KafkaBroker {

    private static final JvmSizing BROKER_SIZING = new JvmSizing("64m", "256m", false);

    private KafkaProcess(ChildProcess process, String bootstrapServers) {
        super(process, bootstrapServers);
    }

    /**
     * Starts a broker on {@code port} (clients) and {@code controllerPort}, with its data in
     * {@code directory}; formats the storage only the first time.
     */
    public static KafkaProcess start(Path directory, int port, int controllerPort, Path logFile) {
        RuntimeClasspath classpath = RuntimeClasspath.recorded();
        Path config = directory.resolve("server.properties");
        Path data = directory.resolve("data");
        write(config, standaloneSettings(data, port, controllerPort));
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(classpath, directory, config, logFile, Uuid.randomUuid().toString(), List.of("--standalone"));
        }
        String bootstrapServers = "127.0.0.1:" + port;
        return start(new ProcessSpec(StackPart.KAFKA.partName(),
                JavaCommand.of(classpath, BROKER_SIZING, directory, "kafka.Kafka", config.toString()),
                directory, Map.of(), logFile, bootstrapServers,
                KafkaProbe.within(Duration.ofSeconds(90), bootstrapServers)), KafkaProcess::new);
    }

    /**
     * Starts node {@code nodeId} of {@code quorum}, with its data in {@code directory}; formats the storage
     * only the first time, with the cluster's id. Ready once the cluster serves it a record, which takes a
     * majority of the nodes: start the others without waiting for this one.
     *
     * @param name its part's name, e.g. {@code kafka-2}
     */
    public static KafkaProcess startNode(String name, Path directory, KafkaQuorum quorum, int nodeId, Path logFile) {
        RuntimeClasspath classpath = RuntimeClasspath.recorded();
        Path config = directory.resolve("server.properties");
        Path data = directory.resolve("data");
        write(config, clusterNodeSettings(data, quorum, nodeId));
        if (!Files.exists(data.resolve("meta.properties"))) {
            // The voters are in the configuration: the storage needs no quorum of its own (no --standalone).
            format(classpath, directory, config, logFile, quorum.clusterId(), List.of());
        }
        String address = quorum.node(nodeId).address();
        return start(new ProcessSpec(name,
                JavaCommand.of(classpath, BROKER_SIZING, directory, "kafka.Kafka", config.toString()),
                directory, Map.of(), logFile, address,
                // Three JVMs start at once, on a machine that starts the rest of the stack beside them.
                KafkaProbe.within(Duration.ofSeconds(180), address, TopicDurability.THREE_BROKERS)),
                KafkaProcess::new);
    }

    /** The cluster id the node in {@code directory} was formatted with, if it was. */
    public static Optional<String> clusterIdOf(Path directory) {
        Path meta = directory.resolve("data").resolve("meta.properties");
        if (!Files.exists(meta)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(meta)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(properties.getProperty("cluster.id"));
    }

    private static void format(RuntimeClasspath classpath, Path directory, Path config, Path logFile,
                               String clusterId, List<String> quorumOptions) {
        List<String> arguments = new ArrayList<>(List.of("format", "-t", clusterId, "-c", config.toString()));
        arguments.addAll(quorumOptions);
        List<String> command = JavaCommand.of(classpath, JvmSizing.upTo("128m").offHotPath(), directory,
                "kafka.tools.StorageTool", arguments.toArray(String[]::new));
        try (ChildProcess formatter = ChildProcess.start("kafka-storage-format", command, directory, Map.of(), logFile)) {
            formatter.awaitSuccess(Duration.ofSeconds(60));
        }
    }

    /** The one node of the local stack or of a test: a quorum of itself, found through its controller port. */
    static Map<String, String> standaloneSettings(Path data, int port, int controllerPort) {
        return settings(1, Map.entry("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort),
                data, port, controllerPort, TopicDurability.ONE_BROKER);
    }

    /** Node {@code nodeId} of {@code quorum}, with the durability of three brokers. */
    static Map<String, String> clusterNodeSettings(Path data, KafkaQuorum quorum, int nodeId) {
        KafkaQuorum.Node node = quorum.node(nodeId);
        return settings(nodeId, Map.entry("controller.quorum.voters", quorum.voters()), data, node.port(),
                node.controllerPort(), TopicDurability.THREE_BROKERS);
    }

    private static Map<String, String> settings(int nodeId, Map.Entry<String, String> quorum, Path data, int port,
                                                int controllerPort, TopicDurability durability) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", Integer.toString(nodeId));
        settings.put(quorum.getKey(), quorum.getValue());
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", data.toString());
        settings.putAll(EmbeddedKafka.KafkaSettings.of(durability));
        return settings;
    }

    private static void write(Path config, Map<String, String> settings) {
        List<String> lines = settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        try {
            Files.createDirectories(config.getParent());
            Files.write(config, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
