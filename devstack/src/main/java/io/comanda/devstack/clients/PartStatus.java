package io.comanda.devstack.clients;

import java.io.PrintStream;
import java.util.List;

/**
 * One line of {@code ./comanda status}, as the launcher's control channel reports it.
 *
 * @param part  the operator's name of the part, e.g. {@code orders}
 * @param state {@code starting}, {@code running}, {@code stopping}, {@code stopped} or {@code dead}
 * @param pid   its OS process while it runs, or the one that died; null when stopped
 * @param port  the port clients reach it on
 */
public record PartStatus(String part, String state, Long pid, int port) {

    private static final String ROW = "  %-16s %-9s %-8s %s%n";

    /** Prints {@code parts} as a table, one part per line. */
    public static void print(PrintStream out, List<PartStatus> parts) {
        out.printf(ROW, "part", "state", "pid", "port");
        for (PartStatus part : parts) {
            out.printf(ROW, part.part(), part.state(), part.pid() == null ? "-" : part.pid(), part.port());
        }
    }
}
