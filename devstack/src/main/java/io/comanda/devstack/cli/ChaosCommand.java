package io.comanda.devstack.cli;

import io.comanda.devstack.faults.ChaosResultFile;
import io.comanda.devstack.clients.ControlClient;
import io.comanda.devstack.faults.FaultSettings;
import io.comanda.devstack.faults.FaultSuite;
import io.comanda.devstack.faults.StackLayout;
import io.comanda.devstack.faults.SuiteResult;
import io.comanda.devstack.faults.SoakArguments;
import io.comanda.devstack.faults.SoakRun;
import io.comanda.devstack.faults.SoakSettings;
import io.comanda.devstack.parts.StackPorts;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./comanda chaos [--short] [--rate <orders/s>] [--kafka-outage <s>] [--only <scenario>]...}: the
 * {@link FaultSuite fault suite} on the running stack. Exit status 0 when no scenario lost, duplicated or
 * parked anything. {@code ./comanda chaos --soak <duration> ...} runs the {@link SoakRun soak} instead.
 */
final class ChaosCommand {

    static final String USAGE = "usage: ./comanda chaos [--short] [--rate <orders/s>] [--kafka-outage <seconds>]"
            + " [--only <scenario>]...; the table is also written as JSON to " + ChaosResultFile.RELATIVE_PATH
            + "; or: ./comanda chaos --soak <duration> [options], see docs/fault-suite.md";

    private ChaosCommand() {
    }

    static int run(List<String> args, StackLayout layout, Optional<ControlClient> launcher, PrintStream out)
            throws InterruptedException {
        StackPorts ports = layout.ports();
        if (SoakArguments.asksForSoak(args)) {
            return soak(args, ports, launcher, out);
        }
        FaultSettings settings = layout.cluster() ? FaultSettings.fullOnCluster() : FaultSettings.full();
        List<String> only = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--short" -> settings = FaultSettings.shortened();
                    case "--rate" -> settings = new FaultSettings(Integer.parseInt(args.get(++i)), settings.before(),
                            settings.hold(), settings.after(), settings.kafkaOutage(), settings.quietWithin());
                    case "--kafka-outage" -> settings = new FaultSettings(settings.ordersPerSecond(), settings.before(),
                            settings.hold(), settings.after(), Duration.ofSeconds(Long.parseLong(args.get(++i))),
                            settings.quietWithin());
                    case "--only" -> only.add(args.get(++i));
                    default -> throw new IllegalArgumentException(args.get(i));
                }
            }
        } catch (RuntimeException e) {
            out.println(USAGE);
            return 2;
        }
        if (launcher.isEmpty()) {
            out.println("Comanda is not running, or still starting: start it with ./comanda up, then run chaos.");
            return 1;
        }
        out.println("Fault suite on the running " + (layout.cluster() ? "cluster" : "stack")
                + ": every part it kills, stops or freezes is started again.");
        SuiteResult result;
        try {
            result = new FaultSuite(layout, launcher.get(), settings, out).run(only);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        boolean clean = result.clean();
        out.println(clean ? "Nothing lost, nothing charged or settled twice, no dead letter, one mail per event,"
                + " every order indexed."
                : "Some orders were lost, duplicated, wrong or dead-lettered, or their mail or documents disagree:"
                + " see the lines above and below the table.");
        return clean ? 0 : 1;
    }

    /** {@code --soak <duration> ...}: the {@link SoakRun soak}; exit status 0 when it was clean. */
    private static int soak(List<String> args, StackPorts ports, Optional<ControlClient> launcher, PrintStream out)
            throws InterruptedException {
        SoakSettings settings;
        try {
            settings = SoakArguments.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(SoakArguments.USAGE);
            return 2;
        }
        if (launcher.isEmpty()) {
            out.println("Comanda is not running, or still starting: start it with ./comanda up, then run the soak.");
            return 1;
        }
        boolean clean = new SoakRun(ports, launcher.get(), settings, out).run();
        out.println(clean ? "Nothing lost, duplicated or mailed twice, the index equal to the orders, growth bounded."
                : "Not clean: see the report above.");
        return clean ? 0 : 1;
    }
}
