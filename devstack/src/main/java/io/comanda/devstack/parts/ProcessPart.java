package io.comanda.devstack.parts;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * A part that is an OS process of its own (a broker JVM, the Connect worker, Keycloak, a packaged
 * service, the SMTP server or Stripe emulator of the local stack): a {@link ChildProcess}, so it has its
 * own session, a log file and a {@link ProcessWatchdog}, plus the address clients reach it at.
 */
public class ProcessPart implements ManagedPart {

    private final ChildProcess process;
    private final String address;

    protected ProcessPart(ChildProcess process, String address) {
        this.process = process;
        this.address = address;
    }

    /** Starts the process {@code spec} describes and returns it once ready; stops it when it never is. */
    public static ProcessPart start(ProcessSpec spec) {
        return start(spec, ProcessPart::new);
    }

    /**
     * The same, for a kind of part with its own operations.
     *
     * @param part makes the part from its started process and its address
     */
    protected static <P extends ProcessPart> P start(ProcessSpec spec, BiFunction<ChildProcess, String, P> part) {
        ChildProcess child = ChildProcess.start(spec.name(), spec.command(), spec.workDir(), spec.environment(),
                spec.logFile());
        return ManagedPart.awaitReady(part.apply(child, spec.address()), spec.readiness());
    }

    @Override
    public String name() {
        return process.name();
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public Optional<Path> logFile() {
        return Optional.of(process.logFile());
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(process.pid());
    }

    @Override
    public void requireRunning() {
        process.requireAlive();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL for it and what it started (see {@link ChildProcess#kill()}). */
    @Override
    public void kill() {
        process.kill();
    }

    /** SIGTERM, then SIGKILL for it and what it left behind (see {@link ChildProcess#close()}). */
    @Override
    public void close() {
        process.close();
    }
}
