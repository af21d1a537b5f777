package io.comanda.benchmark;

import io.comanda.devstack.parts.JavaCommand;
import io.comanda.devstack.parts.RuntimeClasspath;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Stripe emulator in a process of its own, so that its CPU is counted apart from the broker and
 * the load generator in this JVM.
 */
final class StripeEmulatorProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final String apiBase;

    private StripeEmulatorProcess(Process process, String apiBase) {
        this.process = process;
        this.apiBase = apiBase;
    }

    static StripeEmulatorProcess start(int port, long latencyMillis, Path logFile) throws Exception {
        // devstack's recorded classpath, which holds the emulator: this JVM's own class path is Maven's
        // launcher when the benchmark runs under exec:java.
        Process process = new ProcessBuilder(List.of(JavaCommand.java(), "-Xmx512m", "-cp",
                RuntimeClasspath.recorded().jvmClasspath(), "io.comanda.stripe.emulator.StripeEmulator",
                "--port", Integer.toString(port), "--latency-ms", Long.toString(latencyMillis)))
                .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        StripeEmulatorProcess emulator = new StripeEmulatorProcess(process, "http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                emulator.get("/_emulator/health");
                return emulator;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    emulator.close();
                    throw new IllegalStateException("the Stripe emulator did not start; see " + logFile, e);
                }
                Thread.sleep(100);
            }
        }
    }

    String apiBase() {
        return apiBase;
    }

    long pid() {
        return process.pid();
    }

    /** {@code paymentIntents}, {@code chargedOrders}, {@code ordersChargedTwice}, {@code replays} as JSON. */
    String summary() throws Exception {
        return get("/_emulator/summary");
    }

    private String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(apiBase + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
