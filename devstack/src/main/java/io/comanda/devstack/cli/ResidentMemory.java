package io.comanda.devstack.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/** The resident memory of the stack's processes and their children, read from {@code /proc}. */
final class ResidentMemory {

    private ResidentMemory() {
    }

    /** Total RSS in MiB of this JVM, every part and their descendants (PostgreSQL's backends too). */
    static long ofStack(LocalStack stack) {
        Set<Long> pids = new HashSet<>();
        pids.add(ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(p -> pids.add(p.pid()));
        stack.parts().forEach(part -> part.pid().ifPresent(pids::add));
        // PostgreSQL runs detached: its part names the postmaster, whose backends are its descendants.
        new HashSet<>(pids).forEach(pid -> ProcessHandle.of(pid)
                .ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid()))));
        return pids.stream().mapToLong(ResidentMemory::rssKib).sum() / 1024;
    }

    private static long rssKib(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
