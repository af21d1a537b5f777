package io.comanda.benchmark;

import io.comanda.devstack.parts.ProcessTreeUsage;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time of the processes a benchmark involves, read by devstack's {@link ProcessTreeUsage}: each
 * named part is a root process and its descendants (PostgreSQL's backends are children of the
 * postmaster) other than the roots of other named parts (the load generator may have started the
 * parts), and the time of children that have already exited and been reaped counts too. Take a
 * {@link #snapshot()} before and after the measured interval and {@link #print} the difference per
 * 1,000 operations, so a reader sees who pays for an operation on a machine where everything shares
 * the cores.
 */
final class ProcessCpu {

    private final Map<String, Long> rootPids;

    private ProcessCpu(Map<String, Long> rootPids) {
        this.rootPids = rootPids;
    }

    /** @param rootPids each part's name and the pid of its root process, in printing order */
    static ProcessCpu of(Map<String, Long> rootPids) {
        return new ProcessCpu(new LinkedHashMap<>(rootPids));
    }

    /** The load generator: this JVM. */
    static long self() {
        return ProcessHandle.current().pid();
    }

    /** CPU seconds used so far by each part, its live descendants and its reaped children. */
    Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        rootPids.forEach((name, pid) -> seconds.put(name, ProcessTreeUsage.cpuSeconds(pid, rootPids.values())));
        return seconds;
    }

    /** Prints CPU seconds per 1,000 operations of each part, and their sum, between two snapshots. */
    static void print(Map<String, Double> before, Map<String, Double> after, long operations, String operation) {
        if (operations <= 0) {
            return;
        }
        System.out.printf(Locale.ROOT, "  CPU seconds per 1,000 %s:%n", operation);
        double total = 0;
        for (Map.Entry<String, Double> part : after.entrySet()) {
            double perThousand = (part.getValue() - before.getOrDefault(part.getKey(), 0.0)) * 1000.0 / operations;
            total += perThousand;
            System.out.printf(Locale.ROOT, "    %-22s %7.2f%n", part.getKey(), perThousand);
        }
        System.out.printf(Locale.ROOT, "    %-22s %7.2f%n", "all", total);
    }
}
