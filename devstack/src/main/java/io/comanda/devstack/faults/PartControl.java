package io.comanda.devstack.faults;

import io.comanda.devstack.cli.ControlClient;

import java.io.PrintStream;
import java.time.Instant;

/** The running launcher's part commands, each printed with the launcher's account of it. */
final class PartControl {

    private final ControlClient launcher;
    private final PrintStream out;

    PartControl(ControlClient launcher, PrintStream out) {
        this.launcher = launcher;
        this.out = out;
    }

    /**
     * Runs {@code ./comanda <action> <part>} and waits until it is done.
     *
     * @return when it was done
     */
    Instant run(String action, String part) {
        String done = launcher.run(action, part);
        out.println("    " + done);
        return Instant.now();
    }
}
