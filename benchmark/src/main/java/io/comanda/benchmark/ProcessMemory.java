package io.comanda.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * Resident memory of a process and its descendants, read from {@code /proc}, in MiB. RSS counts a
 * shared page once in every process that touched it (PostgreSQL's shared buffers in each backend);
 * PSS divides it among them, so the PSS of a whole stack is what it takes from the machine.
 */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** RSS of {@code root} and its descendants but {@code otherRoots} and theirs. */
    static long rssMib(long root, Collection<Long> otherRoots) {
        return ofTree(root, otherRoots, "status", "VmRSS:");
    }

    /** PSS of {@code root} and its descendants but {@code otherRoots} and theirs. */
    static long pssMib(long root, Collection<Long> otherRoots) {
        return ofTree(root, otherRoots, "smaps_rollup", "Pss:");
    }

    private static long ofTree(long root, Collection<Long> otherRoots, String file, String field) {
        return ProcessHandle.of(root)
                .map(handle -> Stream.concat(Stream.of(handle), ProcessCpu.ownDescendants(handle, otherRoots))
                        .mapToLong(process -> kib(process.pid(), file, field)).sum() / 1024)
                .orElse(0L);
    }

    private static long kib(long pid, String file, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), file))) {
            return lines.filter(line -> line.startsWith(field))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended between listing and reading
        }
    }
}
