package io.comanda.devstack.faults;

import io.comanda.devstack.clients.ControlClient;
import io.comanda.devstack.clients.PartStatus;
import io.comanda.devstack.parts.PartInstance;
import io.comanda.devstack.parts.StackPart;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The running launcher's part commands, each printed with the launcher's account of it. Remembers what it
 * killed, stopped or froze until it is started again, so that a scenario that fails half-way leaves no
 * part down.
 */
final class PartControl {

    private final ControlClient launcher;
    private final PrintStream out;
    private final Set<PartInstance> down = new LinkedHashSet<>();

    PartControl(ControlClient launcher, PrintStream out) {
        this.launcher = launcher;
        this.out = out;
    }

    /** {@link #run(String, PartInstance)} on the part's first (or only) instance. */
    Instant run(String action, StackPart part) {
        return run(action, PartInstance.first(part));
    }

    /**
     * Runs {@code ./comanda <action> <instance>} and waits until it is done.
     *
     * @return when it was done
     */
    Instant run(String action, PartInstance instance) {
        if (action.equals("kill") || action.equals("stop") || action.equals("freeze")) {
            synchronized (down) {
                down.add(instance);
            }
        }
        String done = launcher.run(action, instance.operatorName());
        if (action.equals("start") || action.equals("restart") || action.equals("thaw")) {
            synchronized (down) {
                down.remove(instance);
            }
        }
        out.println("    " + done);
        return Instant.now();
    }

    /**
     * Runs {@code action} on every one of {@code instances} at once, as when a machine takes several down or
     * brings them back: brokers of one quorum must start together, none is ready before a majority runs.
     *
     * @return when the last was done
     */
    Instant runTogether(String action, List<PartInstance> instances) {
        List<CompletableFuture<Instant>> runs = instances.stream()
                // A thread each: the common pool has one thread on two cores, and would start brokers in turn.
                .map(instance -> CompletableFuture.supplyAsync(() -> run(action, instance), command -> {
                    Thread thread = new Thread(command, "part-" + instance.operatorName());
                    thread.setDaemon(true);
                    thread.start();
                })).toList();
        try {
            return runs.stream().map(CompletableFuture::join).max(Instant::compareTo).orElseGet(Instant::now);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The process of {@code instance} as the launcher reports it. */
    long pid(PartInstance instance) {
        return launcher.parts().stream().filter(part -> part.part().equals(instance.operatorName()))
                .map(PartStatus::pid).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new IllegalStateException(instance.operatorName() + " has no running process"));
    }

    /** Starts again every part a scenario killed, stopped or froze and did not start, the brokers first. */
    void startWhatIsDown() {
        List<PartInstance> brokers = new ArrayList<>();
        List<PartInstance> others = new ArrayList<>();
        synchronized (down) {
            down.forEach(instance -> (instance.part() == StackPart.KAFKA ? brokers : others).add(instance));
        }
        for (List<PartInstance> group : List.of(brokers, others)) {
            if (group.isEmpty()) {
                continue;
            }
            try {
                runTogether("start", group);
            } catch (RuntimeException e) {
                out.println("    could not start " + group.stream().map(PartInstance::partName).toList() + " again: "
                        + e.getMessage() + "; ./comanda start <part>");
            }
        }
    }
}
