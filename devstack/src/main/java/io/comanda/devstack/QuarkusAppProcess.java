package io.comanda.devstack;

import java.io.IOException;
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
 * A packaged Comanda service ({@code <module>/target/quarkus-app/quarkus-run.jar}) in its own JVM,
 * configured through environment variables as in production, and ready when {@code /q/health/ready}
 * says so.
 */
public final class QuarkusAppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess process;
    private final int port;

    private QuarkusAppProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
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
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        ChildProcess child = ChildProcess.start(name,
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap,
                        "-jar", jar.toString()),
                moduleDirectory, env, logFile);
        QuarkusAppProcess app = new QuarkusAppProcess(child, port);
        try {
            Readiness.await(name, Duration.ofSeconds(120), child, app::isReady);
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
        return app;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    private boolean isReady() throws IOException, InterruptedException {
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }
}
