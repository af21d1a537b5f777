package io.comanda.devstack.cli;

import io.comanda.devstack.parts.ProcessTreeUsage;

import java.util.HashSet;
import java.util.Set;

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
        return pids.stream().mapToLong(ProcessTreeUsage::rssKib).sum() / 1024;
    }
}
