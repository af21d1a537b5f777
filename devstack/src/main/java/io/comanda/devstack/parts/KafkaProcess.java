package io.comanda.devstack.parts;

import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A one-node KRaft broker in its own JVM, for the local stack and for tests that stop and restart
 * their broker: it keeps its data between runs and listens on the ports it is given, as a broker in
 * production would.
 */
public final class KafkaProcess extends ProcessPart implements KafkaBroker {

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
        writeConfig(config, data, port, controllerPort);
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(classpath, directory, config, logFile);
        }
        String bootstrapServers = "127.0.0.1:" + port;
        return start(new ProcessSpec(StackPart.KAFKA.partName(),
                JavaCommand.of(classpath, new JvmSizing("64m", "256m", false), directory, "kafka.Kafka", config.toString()),
                directory, Map.of(), logFile, bootstrapServers,
                KafkaProbe.within(Duration.ofSeconds(90), bootstrapServers)), KafkaProcess::new);
    }

    private static void format(RuntimeClasspath classpath, Path directory, Path config, Path logFile) {
        List<String> command = JavaCommand.of(classpath, JvmSizing.upTo("128m").offHotPath(), directory, "kafka.tools.StorageTool",
                "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--standalone");
        try (ChildProcess formatter = ChildProcess.start("kafka-storage-format", command, directory, Map.of(), logFile)) {
            formatter.awaitSuccess(Duration.ofSeconds(60));
        }
    }

    private static void writeConfig(Path config, Path data, int port, int controllerPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", data.toString());
        settings.putAll(EmbeddedKafka.KafkaSettings.singleNode());
        List<String> lines = settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        try {
            Files.createDirectories(config.getParent());
            Files.write(config, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
