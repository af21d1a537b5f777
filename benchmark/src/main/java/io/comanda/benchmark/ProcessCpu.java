package io.comanda.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the processes a benchmark involves, read from {@code /proc}: each named part is a root
 * process and its descendants (PostgreSQL's backends are children of the postmaster) other than the
 * roots of other named parts (the load generator may have started the parts), and the time
 * of children that have already exited and been reaped counts too. Take a {@link #snapshot()} before
 * and after the measured interval and {@link #print} the difference per 1,000 operations, so a reader
 * sees who pays for an operation on a machine where everything shares the cores.
 */
final class ProcessCpu {

    // USER_HZ: the unit of the times in /proc/<pid>/stat; 100 on every Linux ABI Comanda runs on.
    private static final double TICKS_PER_SECOND = 100.0;

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
        rootPids.forEach((name, pid) -> seconds.put(name, cpuSecondsOfTree(pid)));
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

    private double cpuSecondsOfTree(long root) {
        return ProcessHandle.of(root)
                .map(handle -> Stream.concat(Stream.of(handle), ownDescendants(handle, rootPids.values()))
                        .mapToDouble(process -> cpuSeconds(process.pid(), process.pid() == root))
                        .sum())
                .orElse(0.0);
    }

    /**
     * The descendants of {@code process} that are not parts of their own: the load generator or a
     * launcher is the parent of the parts it started, which count apart.
     */
    static Stream<ProcessHandle> ownDescendants(ProcessHandle process, Collection<Long> otherRoots) {
        return process.children().filter(child -> !otherRoots.contains(child.pid()))
                .flatMap(child -> Stream.concat(Stream.of(child), ownDescendants(child, otherRoots)));
    }

    /**
     * utime + stime, and for the root cutime + cstime (reaped children, e.g. backends of closed
     * connections); a descendant's own reaped children are rare and would be counted twice otherwise.
     */
    private static double cpuSeconds(long pid, boolean withReapedChildren) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "stat"));
            if (lines.isEmpty()) {
                return 0;
            }
            String line = lines.get(0);
            // The command name (field 2) may hold spaces; the fields after it follow its closing ')'.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withReapedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended between listing and reading
        }
    }
}
