package io.comanda.devstack.parts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The Stripe emulator in a process of its own (its own session, log and watchdog), on the recorded
 * classpath that holds it: the local stack runs it so, and so does a benchmark that must count its CPU
 * apart from the load in its own JVM. Ready once its health endpoint answers.
 */
public final class StripeEmulatorProcess {

    private static final String MAIN_CLASS = "io.comanda.stripe.emulator.StripeEmulator";

    private StripeEmulatorProcess() {
    }

    /**
     * Starts it on {@code port} with a heap of {@code heap} (e.g. {@code 128m}), answering every call
     * after {@code latency}, and returns it once it answers.
     */
    public static ProcessPart start(Path workDir, int port, String heap, Duration latency, Path logFile) {
        String address = Ports.httpUrl(port);
        return ProcessPart.start(new ProcessSpec(StackPart.STRIPE.partName(),
                JavaCommand.of(RuntimeClasspath.recorded(), heap, workDir, MAIN_CLASS,
                        "--port", Integer.toString(port), "--latency-ms", Long.toString(latency.toMillis())),
                workDir, Map.of(), logFile, address,
                ReadinessProbe.httpOk(address + "/_emulator/health", Duration.ofSeconds(30))));
    }
}
