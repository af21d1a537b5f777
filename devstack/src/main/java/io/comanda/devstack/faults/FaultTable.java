package io.comanda.devstack.faults;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The fault suite's results, one row per scenario, as printed and as pasted into docs/fault-suite.md. */
final class FaultTable {

    private static final String ROW = "| %-44s | %6s | %5s | %7s | %8s | %11s | %4s | %5s | %12s | %8s | %8s |%n";

    private FaultTable() {
    }

    /** The table, then the mail and the index of the run's orders. */
    static void print(PrintStream out, SuiteResult suite) {
        print(out, suite.scenarios());
        SuiteResult.MailCheck mail = suite.mail();
        out.printf(Locale.ROOT, "Mail: %d mails about %d orders, %d orders missing a mail, %d sent twice%n", mail.mails(),
                mail.orders(), mail.ordersMissingMail(), mail.duplicates());
        SearchAgreement index = suite.index();
        out.printf(Locale.ROOT, "Search index: %s (%d orders compared: %d without a document, %d differing; %d orders,"
                        + " %d documents in all)%n", index.everyOrderIndexed() ? "every order indexed with its status"
                        : "NOT every order indexed with its status",
                index.compared(), index.missing(), index.differing(), index.orders(), index.documents());
        index.examples().forEach(example -> out.println("    " + example));
    }

    static void print(PrintStream out, List<ScenarioResult> results) {
        out.printf(Locale.ROOT, ROW, "scenario", "orders", "final", "charges", "dup seen", "dup effects", "lost",
                "wrong", "dead letters", "not sent", "recovery");
        out.printf(Locale.ROOT, ROW, "-".repeat(44), "-".repeat(6), "-".repeat(5), "-".repeat(7), "-".repeat(8),
                "-".repeat(11), "-".repeat(4), "-".repeat(5), "-".repeat(12), "-".repeat(8), "-".repeat(8));
        for (ScenarioResult result : results) {
            out.printf(Locale.ROOT, ROW, result.scenario(), result.orders(), result.finalOrders(), result.charges(),
                    result.duplicatesSeen(), result.duplicateEffects(), result.lost(), result.wrong(),
                    result.deadLetters(), result.notSent(), String.format(Locale.ROOT, "%.1f s", result.recovery().toMillis() / 1000.0));
        }
    }
}
