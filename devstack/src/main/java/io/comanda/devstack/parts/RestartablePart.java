package io.comanda.devstack.parts;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one lifecycle of a part that can be stopped, started again the way it first started (same ports,
 * data and configuration), restarted, killed as a crash would, or frozen and thawed as a paused machine
 * or a long collection pause would hold it: what the launcher's part commands
 * and the tests' outages ({@code TestStack.stopKafka()} and its kind) both run. Nothing starts a part
 * again by itself: a dead part stays dead until someone starts it, which is what a fault test needs.
 *
 * <p>What differs between parts is given to it: how the part starts (its {@code starter}) and how it
 * stops (its {@link ManagedPart#close()}). One command at a time per part.
 *
 * @param <P> the kind of part
 */
public final class RestartablePart<P extends ManagedPart> {

    /** Where the part stands; DEAD is a part that ended without being stopped, FROZEN one held by SIGSTOP. */
    public enum State {
        STARTING, RUNNING, FROZEN, STOPPING, STOPPED, DEAD;

        /** As {@code ./comanda status} shows it, e.g. {@code running}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String name;
    private final int port;
    private final Supplier<P> starter;
    private volatile Consumer<P> afterStartAgain = part -> {
    };
    private volatile P current;
    private volatile State phase = State.STOPPED;
    private volatile boolean frozen;

    /**
     * A part not started yet; {@link #start()} starts it.
     *
     * @param name    the operator's name of the part, e.g. {@code orders}, {@code connect}
     * @param port    the port clients reach it on
     * @param starter starts it and returns it ready; called again for every start
     */
    public RestartablePart(String name, int port, Supplier<P> starter) {
        this.name = name;
        this.port = port;
        this.starter = starter;
    }

    /** A part that already runs, {@code running}, e.g. one another class loader of this JVM started. */
    public static <P extends ManagedPart> RestartablePart<P> running(String name, int port, P running,
                                                                     Supplier<P> starter) {
        RestartablePart<P> part = new RestartablePart<>(name, port, starter);
        part.current = running;
        part.phase = State.RUNNING;
        return part;
    }

    public String name() {
        return name;
    }

    /** The port clients reach it on. */
    public int port() {
        return port;
    }

    /** Whether {@code name} means this part: its operator's name or its own, e.g. {@code orders-service}. */
    public boolean isCalled(String name) {
        P part = current;
        return this.name.equals(name) || (part != null && part.name().equals(name));
    }

    /** What a start after the first needs besides the part itself, e.g. a worker's connectors registered again. */
    public void afterStartAgain(Consumer<P> step) {
        this.afterStartAgain = step;
    }

    /** The part as last started, running or not. */
    public Optional<P> current() {
        return Optional.ofNullable(current);
    }

    public State state() {
        State state = phase;
        P part = current;
        if (state == State.RUNNING && part != null && !part.isAlive()) {
            return State.DEAD;
        }
        return state == State.RUNNING && frozen ? State.FROZEN : state;
    }

    /** Its OS process while it runs, or the one that died; empty when it is stopped or runs inside this JVM. */
    public OptionalLong pid() {
        P part = current;
        return part == null || state() == State.STOPPED ? OptionalLong.empty() : part.pid();
    }

    /**
     * Starts the part unless it runs. What a dead instance still holds (a lock on its data directory) is
     * released first.
     *
     * @return whether it was started (false: it already ran)
     */
    public synchronized boolean start() {
        if (state() == State.FROZEN) {
            thaw();
        }
        if (state() == State.RUNNING) {
            return false;
        }
        P previous = current;
        if (previous != null) {
            previous.close();
        }
        phase = State.STARTING;
        try {
            current = starter.get();
        } catch (RuntimeException | Error e) {
            phase = State.STOPPED;
            throw e;
        }
        phase = State.RUNNING;
        if (previous != null) {
            afterStartAgain.accept(current);
        }
        return true;
    }

    /**
     * Stops the part gracefully (what does not stop in time is killed); a dead part is only cleaned up.
     *
     * @return whether it ran or had died (false: it was stopped already)
     */
    public synchronized boolean stop() {
        P part = current;
        if (part == null || phase == State.STOPPED) {
            return false;
        }
        if (frozen) {
            // A frozen process would hold its SIGTERM until its grace is over.
            thaw();
        }
        phase = State.STOPPING;
        try {
            part.close();
        } finally {
            phase = State.STOPPED;
        }
        return true;
    }

    /** {@link #stop}, then {@link #start}, with no other command for this part in between. */
    public synchronized void restart() {
        stop();
        start();
    }

    /**
     * Kills the part's processes with SIGKILL; it stays dead until started again.
     *
     * @return the PID killed
     * @throws IllegalStateException when it does not run
     * @throws UnsupportedOperationException when it runs inside this JVM
     */
    public synchronized long kill() {
        P part = current;
        if (part == null || (state() != State.RUNNING && state() != State.FROZEN)) {
            throw new IllegalStateException(name + " is not running (" + state().label() + ")");
        }
        long pid = part.pid().orElseThrow(() -> new UnsupportedOperationException(
                name + " runs inside the launcher: it can be stopped and started, not killed"));
        part.kill();
        frozen = false;
        return pid;
    }

    /**
     * Freezes the part's processes with SIGSTOP: they keep their sockets, sessions and whatever they hold
     * in hand, and answer nothing, until {@link #thaw()} (or a start or stop) sends SIGCONT. What a paused
     * virtual machine or a long pause of the collector does to a member of a cluster.
     *
     * @return the PID frozen
     * @throws IllegalStateException when it does not run
     * @throws UnsupportedOperationException when it runs inside this JVM
     */
    public synchronized long freeze() {
        P part = current;
        if (part == null || state() != State.RUNNING) {
            throw new IllegalStateException(name + " is not running (" + state().label() + ")");
        }
        long pid = part.pid().orElseThrow(() -> new UnsupportedOperationException(
                name + " runs inside the launcher: it cannot be frozen"));
        ProcessHandle.of(pid).ifPresent(process -> ChildProcess.signalTree(process, "STOP"));
        frozen = true;
        return pid;
    }

    /**
     * Lets a frozen part run on with SIGCONT.
     *
     * @return whether it was frozen
     */
    public synchronized boolean thaw() {
        if (!frozen) {
            return false;
        }
        P part = current;
        if (part != null) {
            part.pid().stream().boxed().map(ProcessHandle::of).flatMap(java.util.Optional::stream)
                    .forEach(process -> ChildProcess.signalTree(process, "CONT"));
        }
        frozen = false;
        return true;
    }
}
