package io.comanda.devstack.parts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a process and its descendants use of the machine, read from {@code /proc}: CPU time, resident
 * memory (RSS) and its proportional share (PSS). A tree is a root process and its descendants other
 * than the roots of other trees (a launcher is the parent of the parts it started, which count apart).
 * A process that ends between listing and reading counts zero.
 */
public final class ProcessTreeUsage {

    // USER_HZ: the unit of the times in /proc/<pid>/stat; 100 on every Linux ABI Comanda runs on.
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessTreeUsage() {
    }

    /** {@code root} and its descendants but {@code otherRoots} and theirs. */
    public static Stream<ProcessHandle> tree(ProcessHandle root, Collection<Long> otherRoots) {
        return Stream.concat(Stream.of(root), ownDescendants(root, otherRoots));
    }

    private static Stream<ProcessHandle> ownDescendants(ProcessHandle process, Collection<Long> otherRoots) {
        return process.children().filter(child -> !otherRoots.contains(child.pid()))
                .flatMap(child -> Stream.concat(Stream.of(child), ownDescendants(child, otherRoots)));
    }

    /**
     * CPU seconds of the tree so far: each process's utime + stime, and the root's reaped children's
     * (cutime + cstime, e.g. PostgreSQL backends of closed connections); a descendant's own reaped
     * children are rare and would be counted twice otherwise.
     */
    public static double cpuSeconds(long root, Collection<Long> otherRoots) {
        return ProcessHandle.of(root)
                .map(handle -> tree(handle, otherRoots).mapToDouble(p -> cpuSecondsOf(p.pid(), p.pid() == root)).sum())
                .orElse(0.0);
    }

    /** RSS of the tree in MiB: a shared page counts once in every process that touched it. */
    public static long rssMib(long root, Collection<Long> otherRoots) {
        return ofTree(root, otherRoots, "status", "VmRSS:") / 1024;
    }

    /** PSS of the tree in MiB: shared pages divided among the processes that share them. */
    public static long pssMib(long root, Collection<Long> otherRoots) {
        return ofTree(root, otherRoots, "smaps_rollup", "Pss:") / 1024;
    }

    /** RSS of one process in KiB. */
    public static long rssKib(long pid) {
        return kib(pid, "status", "VmRSS:");
    }

    private static long ofTree(long root, Collection<Long> otherRoots, String file, String field) {
        return ProcessHandle.of(root)
                .map(handle -> tree(handle, otherRoots).mapToLong(p -> kib(p.pid(), file, field)).sum())
                .orElse(0L);
    }

    private static double cpuSecondsOf(long pid, boolean withReapedChildren) {
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
            return 0;
        }
    }

    private static long kib(long pid, String file, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), file))) {
            return lines.filter(line -> line.startsWith(field))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
