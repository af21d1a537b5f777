package io.comanda.devstack.parts;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongConsumer;

/**
 * A real part of the stack while it runs (a broker, PostgreSQL, the Connect worker, Keycloak, SMTP, the
 * Stripe emulator, a packaged service): what it is, where clients reach it, where it logs, and how it stops.
 *
 * <p>Every part is started the same way: it is created, then {@link #awaitReady} polls its
 * {@link ReadinessProbe} and stops the part again if it never becomes ready, so no caller writes that
 * sequence itself. A part that is an OS process of its own is a {@link ProcessPart}.
 */
public interface ManagedPart extends AutoCloseable {

    /** A short name, also the name of its log file, e.g. {@code kafka-connect}. */
    String name();

    /** Where a client reaches it: a URL, or {@code host:port} for a Kafka broker. */
    String address();

    /** Where its own output goes; empty (the default) for a part inside this JVM, which logs through it. */
    default Optional<Path> logFile() {
        return Optional.empty();
    }

    /** Its OS process; empty (the default) when it runs inside this JVM. */
    default OptionalLong pid() {
        return OptionalLong.empty();
    }

    /** Fails, naming the log, when the part has died (e.g. during its start); a part in this JVM cannot. */
    default void requireRunning() {
    }

    /** Whether it still runs: its OS process is alive; a part in this JVM always is. */
    default boolean isAlive() {
        OptionalLong pid = pid();
        return pid.isEmpty() || ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Kills its OS process and everything the process started with SIGKILL, as a crash would, and waits
     * until they are gone; nothing is stopped gracefully, nothing is cleaned up.
     *
     * @throws UnsupportedOperationException for a part inside this JVM, which can only be stopped
     */
    default void kill() {
        OptionalLong pid = pid();
        if (pid.isEmpty()) {
            throw new UnsupportedOperationException(name() + " runs inside this JVM: it can be stopped, not killed");
        }
        ProcessHandle.of(pid.getAsLong()).ifPresent(ChildProcess::killTree);
    }

    /** Stops the part; what is not stopped gracefully in time is killed. */
    @Override
    void close();

    /**
     * A part that runs as the OS process {@code pid}, started by another class loader of this JVM (whose
     * object of it this one cannot see); {@code stop} stops it, {@link #kill()} kills it as a crash would.
     */
    static ManagedPart ofPid(String name, String address, long pid, LongConsumer stop) {
        return new AdoptedProcess(name, address, pid, stop);
    }

    /**
     * Waits until {@code part} passes {@code readiness}, and stops it when it does not.
     *
     * @return the part, ready
     * @throws IllegalStateException naming the part, its last probe failure and its log
     */
    static <P extends ManagedPart> P awaitReady(P part, ReadinessProbe readiness) {
        try {
            readiness.await(part.name(), part);
            return part;
        } catch (RuntimeException e) {
            part.close();
            throw e;
        }
    }
}
