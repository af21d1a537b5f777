package io.comanda.devstack.parts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A packaged Comanda service ({@code <module>/target/quarkus-app/quarkus-run.jar}) in its own JVM,
 * configured through environment variables as in production, and ready when {@code /q/health/ready}
 * on its management interface says so. The management interface (health and {@code /q/metrics}) has
 * a port of its own, apart from the public API.
 */
public final class QuarkusAppProcess extends ProcessPart {

    /** What a start waits for. */
    public enum Awaited {
        /** Ready: every readiness check UP, the broker and the database reached. */
        READY,
        /**
         * Serving: alive and answering HTTP, ready or not. An operator starting a service while one of its
         * dependencies is down (Kafka, say) gets it back at once; it turns ready when the dependency does.
         */
        SERVING
    }

    private final String managementUrl;

    private QuarkusAppProcess(ChildProcess process, String url, String managementUrl) {
        super(process, url);
        this.managementUrl = managementUrl;
    }

    /** The same as {@link #start(String, Path, int, int, String, Map, Path)} with a free management port. */
    public static QuarkusAppProcess start(String name, Path moduleDirectory, int port, String maxHeap,
                                          Map<String, String> environment, Path logFile) {
        return start(name, moduleDirectory, port, Ports.free(), maxHeap, environment, logFile);
    }

    /**
     * @param moduleDirectory the service's module folder, holding {@code target/quarkus-app}
     * @param port            the HTTP port
     * @param managementPort  the port of its management interface (health, metrics)
     * @param environment     configuration as environment variables, e.g. {@code QUARKUS_DATASOURCE_REACTIVE_URL};
     *                        the local secrets of {@link LocalServiceSettings} come with it
     */
    public static QuarkusAppProcess start(String name, Path moduleDirectory, int port, int managementPort,
                                          String maxHeap, Map<String, String> environment, Path logFile) {
        return start(name, moduleDirectory, port, managementPort, maxHeap, environment, logFile, Awaited.READY);
    }

    /** {@link #start(String, Path, int, int, String, Map, Path)}, waiting for {@code awaited} only. */
    public static QuarkusAppProcess start(String name, Path moduleDirectory, int port, int managementPort,
                                          String maxHeap, Map<String, String> environment, Path logFile,
                                          Awaited awaited) {
        Path jar = moduleDirectory.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the service first (mvn -DskipTests install)");
        }
        // Local secrets first, so that a caller's own value wins. They are the service's, whichever of its
        // instances this is: its module folder names it.
        Map<String, String> env = new HashMap<>(LocalServiceSettings.of(moduleDirectory.getFileName().toString()));
        env.putAll(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        String url = Ports.httpUrl(port);
        String managementUrl = Ports.httpUrl(managementPort);
        // A fixed heap and the serial collector: a service's live data is small, and a fixed heap neither
        // pauses to resize under load nor, on two cores, pays G1's bookkeeping in every service.
        List<String> command = JavaCommand.jar(jar, JvmSizing.fixed(maxHeap).options());
        return start(new ProcessSpec(name, command, moduleDirectory, env, logFile, url,
                        awaited == Awaited.READY ? readiness(managementUrl, url) : serving(managementUrl, url)),
                (process, address) -> new QuarkusAppProcess(process, address, managementUrl));
    }

    // A service not built on the platform yet has no management interface: its health is on the API port.
    private static ReadinessProbe readiness(String managementUrl, String url) {
        return new ReadinessProbe(Duration.ofSeconds(120), () -> healthy(managementUrl) || healthy(url));
    }

    // Alive, and its API port answers HTTP (any status: a 401 or 404 is an answer).
    private static ReadinessProbe serving(String managementUrl, String url) {
        return new ReadinessProbe(Duration.ofSeconds(120), () -> (answers(managementUrl + "/q/health/live")
                || answers(url + "/q/health/live")) && answersAtAll(url + "/"));
    }

    private static boolean answersAtAll(String url) {
        try {
            StackHttp.status(url);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean answers(String url) {
        try {
            return StackHttp.status(url) == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean healthy(String base) {
        try {
            return StackHttp.status(base + "/q/health/ready") == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** Its management interface: {@code /q/health/live}, {@code /q/health/ready}, {@code /q/metrics}. */
    public String managementUrl() {
        return managementUrl;
    }
}
