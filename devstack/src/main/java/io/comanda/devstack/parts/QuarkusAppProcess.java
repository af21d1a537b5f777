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
 * says so.
 */
public final class QuarkusAppProcess extends ProcessPart {

    private QuarkusAppProcess(ChildProcess process, String url) {
        super(process, url);
    }

    /**
     * @param moduleDirectory the service's module folder, holding {@code target/quarkus-app}
     * @param port            the HTTP port
     * @param environment     configuration as environment variables, e.g. {@code QUARKUS_DATASOURCE_REACTIVE_URL}
     */
    public static QuarkusAppProcess start(String name, Path moduleDirectory, int port, String maxHeap,
                                          Map<String, String> environment, Path logFile) {
        Path jar = moduleDirectory.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the service first (mvn -DskipTests install)");
        }
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        String url = "http://127.0.0.1:" + port;
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-jar", jar.toString());
        return start(new ProcessSpec(name, command, moduleDirectory, env, logFile, url,
                ReadinessProbe.httpOk(url + "/q/health/ready", Duration.ofSeconds(120))), QuarkusAppProcess::new);
    }

    public String url() {
        return address();
    }
}
