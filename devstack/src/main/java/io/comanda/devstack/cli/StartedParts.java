package io.comanda.devstack.cli;

import io.comanda.devstack.parts.ManagedPart;
import io.comanda.devstack.parts.PartInstance;
import io.comanda.devstack.parts.RestartablePart;
import io.comanda.devstack.parts.StackPart;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The parts of a stack started so far, on this thread or on threads of their own, each start printed
 * with its duration; each {@link RestartablePart under control} of an operator afterwards; closing stops
 * them in the reverse order of their start.
 */
final class StartedParts implements AutoCloseable {

    private final Deque<RestartablePart<?>> started = new ArrayDeque<>();
    private final PrintStream out;

    StartedParts(PrintStream out) {
        this.out = out;
    }

    /**
     * Starts a part, printing its progress, and remembers it under its operator's name.
     *
     * @param port  the port clients reach it on
     * @param start starts it; called again whenever the operator starts it again
     */
    <P extends ManagedPart> RestartablePart<P> start(StackPart part, int port, Supplier<P> start) {
        return start(PartInstance.first(part), port, start);
    }

    /** {@link #start(StackPart, int, Supplier)} for one of a part's instances, remembered under its own name. */
    <P extends ManagedPart> RestartablePart<P> start(PartInstance part, int port, Supplier<P> start) {
        RestartablePart<P> restartable = new RestartablePart<>(part.operatorName(), port, start);
        timed(part.title(), restartable::start);
        synchronized (started) {
            started.push(restartable);
        }
        return restartable;
    }

    /** {@link #start(StackPart, int, Supplier)}, returning the part itself. */
    <P extends ManagedPart> P startPart(StackPart part, int port, Supplier<P> start) {
        return start(part, port, start).current().orElseThrow();
    }

    /** {@link #startPart} on a thread of its own. */
    <P extends ManagedPart> CompletableFuture<P> startAsync(StackPart part, int port, Supplier<P> start) {
        return startAsync(PartInstance.first(part), port, start);
    }

    /** {@link #startAsync(StackPart, int, Supplier)} for one of a part's instances. */
    <P extends ManagedPart> CompletableFuture<P> startAsync(PartInstance part, int port, Supplier<P> start) {
        CompletableFuture<P> started = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                started.complete(start(part, port, start).current().orElseThrow());
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        }, "start " + part.title());
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    /** Waits until each of {@code parts} has started or failed, so that {@link #close} knows every one. */
    static void settled(CompletableFuture<?>... parts) {
        CompletableFuture.allOf(parts).handle((done, failure) -> null).join();
    }

    /** {@link #settled(CompletableFuture[])} for a list. */
    static void settled(List<? extends CompletableFuture<?>> parts) {
        settled(parts.toArray(new CompletableFuture<?>[0]));
    }

    /** {@link #joined(CompletableFuture[])} for a list. */
    static void joined(List<? extends CompletableFuture<?>> parts) {
        joined(parts.toArray(new CompletableFuture<?>[0]));
    }

    /** Waits for all of {@code parts}, then throws the first failure among them, if any. */
    static void joined(CompletableFuture<?>... parts) {
        settled(parts);
        for (CompletableFuture<?> part : parts) {
            try {
                part.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    /** Runs {@code step}, printing when it starts and how long it took. */
    <T> T timed(String title, Supplier<T> step) {
        long begin = System.nanoTime();
        synchronized (out) {
            out.printf("  starting %-22s%n", title);
        }
        T result = step.get();
        synchronized (out) {
            out.printf("  ready    %-22s %5.1f s%n", title, (System.nanoTime() - begin) / 1e9);
        }
        return result;
    }

    /** The parts as last started, in the order they first started. */
    List<ManagedPart> inStartOrder() {
        return controlled().stream().<ManagedPart>flatMap(part -> part.current().stream()).toList();
    }

    /** The parts under control, in the order they first started. */
    List<RestartablePart<?>> controlled() {
        List<RestartablePart<?>> parts;
        synchronized (started) {
            parts = new ArrayList<>(started);
        }
        Collections.reverse(parts);
        return List.copyOf(parts);
    }

    /**
     * Stops every part in the reverse order of its start; the services, which nothing else depends on and
     * which each take seconds to hand back their partitions, all at once first.
     */
    @Override
    public void close() {
        List<RestartablePart<?>> services = new ArrayList<>();
        List<RestartablePart<?>> others = new ArrayList<>();
        for (RestartablePart<?> part; (part = poll()) != null; ) {
            boolean service = PartInstance.named(part.name()).map(instance -> instance.part().isService()).orElse(false);
            (service ? services : others).add(part);
        }
        List<Thread> stopping = services.stream().map(part -> {
            Thread thread = new Thread(() -> stop(part), "stop-" + part.name());
            thread.start();
            return thread;
        }).toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        others.forEach(this::stop);
    }

    private void stop(RestartablePart<?> part) {
        try {
            part.stop();
        } catch (RuntimeException e) {
            out.println("  stopping " + part.name() + " failed: " + e.getMessage());
        }
    }

    private RestartablePart<?> poll() {
        synchronized (started) {
            return started.poll();
        }
    }
}
