package io.comanda.devstack.faults;

import io.comanda.devstack.clients.ControlClient;
import io.comanda.devstack.parts.StackPart;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The running launcher's part commands, each printed with the launcher's account of it. Remembers what it
 * killed or stopped until it is started again, so that a scenario that fails half-way leaves no part down.
 */
final class PartControl {

    private final ControlClient launcher;
    private final PrintStream out;
    private final Set<StackPart> down = new LinkedHashSet<>();

    PartControl(ControlClient launcher, PrintStream out) {
        this.launcher = launcher;
        this.out = out;
    }

    /**
     * Runs {@code ./comanda <action> <part>} and waits until it is done.
     *
     * @return when it was done
     */
    Instant run(String action, StackPart part) {
        if (action.equals("kill") || action.equals("stop")) {
            down.add(part);
        }
        String done = launcher.run(action, part.operatorName());
        if (action.equals("start") || action.equals("restart")) {
            down.remove(part);
        }
        out.println("    " + done);
        return Instant.now();
    }

    /** Starts again every part a scenario killed or stopped and did not start, the broker first. */
    void startWhatIsDown() {
        for (StackPart part : Set.copyOf(down).stream()
                .sorted(Comparator.comparing((StackPart down) -> down != StackPart.KAFKA)).toList()) {
            try {
                run("start", part);
            } catch (RuntimeException e) {
                out.println("    could not start " + part.partName() + " again: " + e.getMessage() + "; ./comanda start "
                        + part.operatorName());
            }
        }
    }
}
