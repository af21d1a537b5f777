package io.comanda.devstack;

import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A one-node KRaft broker in its own JVM, for the local stack: it keeps its data between runs and
 * listens on fixed ports, as a broker in production would.
 */
public final class KafkaProcess implements KafkaBroker {

    private final ChildProcess process;
    private final int port;

    private KafkaProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
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
        ChildProcess child = ChildProcess.start("kafka",
                JavaCommand.of(classpath, "512m", directory, "kafka.Kafka", config.toString()),
                directory, Map.of(), logFile);
        KafkaProcess kafka = new KafkaProcess(child, port);
        try {
            Readiness.await("Kafka", Duration.ofSeconds(90), child, () -> KafkaProbe.produceAndConsume(kafka));
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
        return kafka;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    private static void format(RuntimeClasspath classpath, Path directory, Path config, Path logFile) {
        List<String> command = JavaCommand.of(classpath, "256m", directory, "kafka.tools.StorageTool",
                "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--standalone");
        try (ChildProcess formatter = ChildProcess.start("kafka-storage-format", command, directory, Map.of(), logFile)) {
            Readiness.await("Kafka storage format", Duration.ofSeconds(60), null, () -> !formatter.isAlive());
        }
    }

    private static void writeConfig(Path config, Path data, int port, int controllerPort) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
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
        List<String> lines = new ArrayList<>(settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.toList()));
        try {
            Files.createDirectories(config.getParent());
            Files.write(config, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
