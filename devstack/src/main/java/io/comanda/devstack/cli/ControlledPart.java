package io.comanda.devstack.cli;

import io.comanda.devstack.clients.PartStatus;
import io.comanda.devstack.parts.ManagedPart;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One part of a running stack under an operator's control: stopped, started again the way it first
 * started (same ports, data and configuration), or killed as a crash would. The launcher never starts
 * a part again by itself: a dead part stays dead until someone starts it, which is what a fault test needs.
 *
 * @param <P> the kind of part
 */
final class ControlledPart<P extends ManagedPart> {

    /** What {@code ./comanda status} shows; DEAD is a part that ended without being stopped. */
    enum State {
        STARTING, RUNNING, STOPPING, STOPPED, DEAD;

        String label() {
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

    /**
     * @param name    the operator's name of the part, e.g. {@code orders}, {@code connect}
     * @param port    the port clients reach it on
     * @param starter starts it and returns it ready; called again for every start
     */
    ControlledPart(String name, int port, Supplier<P> starter) {
        this.name = name;
        this.port = port;
        this.starter = starter;
    }

    String name() {
        return name;
    }

    /** Whether {@code name} means this part: its operator's name or its own, e.g. {@code orders-service}. */
    boolean isCalled(String name) {
        P part = current;
        return this.name.equals(name) || (part != null && part.name().equals(name));
    }

    /** What a start after the first needs besides the part itself, e.g. a worker's connectors registered again. */
    void afterStartAgain(Consumer<P> step) {
        this.afterStartAgain = step;
    }

    /** The part as last started, running or not. */
    Optional<P> current() {
        return Optional.ofNullable(current);
    }

    State state() {
        State state = phase;
        P part = current;
        return state == State.RUNNING && part != null && !part.isAlive() ? State.DEAD : state;
    }

    PartStatus status() {
        State state = state();
        P part = current;
        Long pid = part == null || state == State.STOPPED ? null : part.pid().stream().boxed().findFirst().orElse(null);
        return new PartStatus(name, state.label(), pid, port);
    }

    /**
     * Starts the part unless it runs. What a dead instance still holds (a lock on its data directory) is
     * released first.
     *
     * @return whether it was started (false: it already ran)
     */
    synchronized boolean start() {
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
    synchronized boolean stop() {
        P part = current;
        if (part == null || phase == State.STOPPED) {
            return false;
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
    synchronized void restart() {
        stop();
        start();
    }

    /**
     * Kills the part's processes with SIGKILL; it stays dead until started again.
     *
     * @return the PID killed
     * @throws IllegalStateException when it does not run
     * @throws UnsupportedOperationException when it runs inside the launcher's JVM
     */
    synchronized long kill() {
        P part = current;
        if (part == null || state() != State.RUNNING) {
            throw new IllegalStateException(name + " is not running (" + state().label() + ")");
        }
        long pid = part.pid().orElseThrow(() -> new UnsupportedOperationException(
                name + " runs inside the launcher: it can be stopped and started, not killed"));
        part.kill();
        return pid;
    }
}
