package io.comanda.benchmark;

import io.comanda.devstack.parts.JavaCommand;
import io.comanda.devstack.parts.Ports;
import io.comanda.devstack.parts.ProcessPart;
import io.comanda.devstack.parts.ProcessSpec;
import io.comanda.devstack.parts.ReadinessProbe;
import io.comanda.devstack.parts.RuntimeClasspath;
import io.comanda.devstack.parts.StackHttp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The Stripe emulator in a process of its own, so that its CPU is counted apart from the broker and
 * the load generator in this JVM: a devstack {@link ProcessPart} (its own session, log and watchdog),
 * on devstack's recorded classpath, which holds the emulator (this JVM's own class path is Maven's
 * launcher when the benchmark runs under exec:java), with the latency the run asks for.
 */
final class StripeEmulatorProcess {

    private static final String MAIN_CLASS = "io.comanda.stripe.emulator.StripeEmulator";

    private StripeEmulatorProcess() {
    }

    /** Starts it on {@code port}, answering every call after {@code latencyMillis}, and returns it once it answers. */
    static ProcessPart start(int port, long latencyMillis, Path workDir, Path logFile) {
        String address = Ports.httpUrl(port);
        return ProcessPart.start(new ProcessSpec("stripe-emulator",
                JavaCommand.of(RuntimeClasspath.recorded(), "512m", workDir, MAIN_CLASS,
                        "--port", Integer.toString(port), "--latency-ms", Long.toString(latencyMillis)),
                workDir, Map.of(), logFile, address,
                ReadinessProbe.httpOk(address + "/_emulator/health", Duration.ofSeconds(30))));
    }

    /** {@code paymentIntents}, {@code chargedOrders}, {@code ordersChargedTwice}, {@code replays} as JSON. */
    static String summary(ProcessPart emulator) {
        return StackHttp.get(emulator.address() + "/_emulator/summary").body();
    }
}
