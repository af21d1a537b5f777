package io.comanda.devstack.faults;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The fault suite's results, one row per scenario, as printed and as pasted into docs/fault-suite.md. */
final class FaultTable {

    private static final String ROW = "| %-36s | %6s | %5s | %7s | %8s | %11s | %4s | %5s | %12s | %8s | %8s |%n";

    private FaultTable() {
    }

    static void print(PrintStream out, List<ScenarioResult> results) {
        out.printf(Locale.ROOT, ROW, "scenario", "orders", "final", "charges", "dup seen", "dup effects", "lost",
                "wrong", "dead letters", "not sent", "recovery");
        out.printf(Locale.ROOT, ROW, "-".repeat(36), "-".repeat(6), "-".repeat(5), "-".repeat(7), "-".repeat(8),
                "-".repeat(11), "-".repeat(4), "-".repeat(5), "-".repeat(12), "-".repeat(8), "-".repeat(8));
        for (ScenarioResult result : results) {
            out.printf(Locale.ROOT, ROW, result.scenario(), result.orders(), result.finalOrders(), result.charges(),
                    result.duplicatesSeen(), result.duplicateEffects(), result.lost(), result.wrong(),
                    result.deadLetters(), result.notSent(), String.format(Locale.ROOT, "%.1f s", result.recovery().toMillis() / 1000.0));
        }
    }
}
