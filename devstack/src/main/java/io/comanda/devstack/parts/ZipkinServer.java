package io.comanda.devstack.parts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Zipkin server, the trace store of the local stack and of tests: the services export their spans
 * to it, {@code ./comanda trace} and the tests read traces back through its HTTP API, and a person
 * browses them in its UI.
 *
 * <p>Runs Zipkin's executable jar from Maven Central as Maven resolved it (no unpacking), with
 * in-memory storage, a small heap, and every collector but HTTP switched off (Zipkin would otherwise
 * start a Kafka collector when it sees {@code KAFKA_BOOTSTRAP_SERVERS} in its environment).
 */
public final class ZipkinServer extends ProcessPart {

    private static final String JAR_RECORD = "/io/comanda/devstack/zipkin-server.txt";

    private ZipkinServer(ChildProcess process, String url) {
        super(process, url);
    }

    /**
     * Starts Zipkin on the loopback {@code port} (0 for a free one); ready when {@code /health} answers.
     *
     * @param workDir its working directory
     */
    public static ZipkinServer start(Path workDir, int port, Path logFile) {
        int httpPort = Ports.orFree(port);
        String url = Ports.httpUrl(httpPort);
        List<String> command = JavaCommand.jar(jar(),
                JvmSizing.upTo("256m").offHotPath().options(),
                "--armeria.ports[0].ip=127.0.0.1",
                "--armeria.ports[0].port=" + httpPort);
        // Zipkin keeps the newest spans in memory and drops the oldest past MEM_MAX_SPANS. A span of ours
        // holds about 3 KB of heap there (its tags as strings in maps; a histogram of a soak's Zipkin: 230 MB
        // for 76,000 spans, which left it collecting garbage most of its time). About 35 spans make an
        // order: 40,000 keep the last ~1,100 orders' traces in half the heap.
        Map<String, String> environment = Map.of(
                "STORAGE_TYPE", "mem",
                "MEM_MAX_SPANS", "40000",
                "COLLECTOR_KAFKA_ENABLED", "false",
                "COLLECTOR_RABBITMQ_ENABLED", "false",
                "COLLECTOR_ACTIVEMQ_ENABLED", "false",
                "COLLECTOR_PULSAR_ENABLED", "false",
                "COLLECTOR_GRPC_ENABLED", "false");
        return start(new ProcessSpec(StackPart.ZIPKIN.partName(), command, workDir, environment, logFile, url,
                ReadinessProbe.httpOk(url + "/health", Duration.ofSeconds(120))), ZipkinServer::new);
    }

    public String url() {
        return address();
    }

    /** Where services send spans ({@code comanda.tracing.zipkin.endpoint}). */
    public String spansEndpoint() {
        return url() + "/api/v2/spans";
    }

    /** The executable jar the build resolved (recorded apart from the child JVMs' classpath). */
    static Path jar() {
        return RuntimeClasspath.read(JAR_RECORD).stream().findFirst().filter(Files::isRegularFile)
                .orElseThrow(() -> new IllegalStateException("the zipkin-server jar recorded in " + JAR_RECORD
                        + " is missing: run 'mvn install' so Maven fetches it"));
    }
}
