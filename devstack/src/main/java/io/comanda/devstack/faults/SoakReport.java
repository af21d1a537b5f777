package io.comanda.devstack.faults;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The soak's report as printed: the stack at the start and at the end (each part's memory, each table's
 * rows, each topic's size, each slot's retained WAL, each group's lag), the growth verdict, the orders'
 * accounting, the mails and the search index, and one {@code RESULT L2 ...} line for programs.
 */
final class SoakReport {

    private static final String STATE_ROW = "| %-7s | %-52s | %18s | %18s |%n";
    private static final String GROWTH_ROW = "| %-6s | %-44s | %10s | %10s | %8s | %-5s | %s%n";

    private SoakReport() {
    }

    static void print(PrintStream out, SoakResult result) {
        List<StackSample> samples = result.samples();
        if (!samples.isEmpty()) {
            printState(out, samples.get(0), samples.get(samples.size() - 1));
            out.println();
        }
        printGrowth(out, result.growth());
        out.println();
        FaultTable.print(out, List.of(result.accounting()));
        result.accounting().problems().forEach(problem -> out.println("    " + problem));
        SoakResult.MailCount mails = result.mails();
        out.printf(Locale.ROOT, "Mails: %d read over IMAP, %d twice (%d by Message-ID, %d by order and kind),"
                + " %d naming no order%n", mails.mails(), mails.duplicates(), mails.sameMessageId(),
                mails.sameOrderAndKind(), mails.unattributed());
        SearchAgreement search = result.search();
        out.printf(Locale.ROOT, "Search index: %d of the soak's orders compared, %d without a document, %d with"
                + " another status; %d documents for %d orders%n", search.compared(), search.missing(),
                search.differing(), search.documents(), search.orders());
        search.examples().forEach(example -> out.println("    " + example));
        out.println(result.diedOnTheirOwn().isEmpty() ? "Parts that died on their own: none"
                : "Parts that died on their own, started again: " + String.join(", ", result.diedOnTheirOwn()));
        out.println(resultLine(result));
    }

    /** The line programs read, e.g. {@code RESULT L2 minutes=30 orders=36000 lost=0 ...}: minutes of load. */
    static String resultLine(SoakResult result) {
        ScenarioResult accounting = result.accounting();
        return String.format(Locale.ROOT, "RESULT L2 minutes=%d orders=%d lost=%d duplicated=%d duplicate_mails=%d"
                        + " rss_growth_pct=%.1f wal_retained_mb=%d died=%d", result.settings().duration().toMinutes(),
                accounting.orders(), accounting.lost(), accounting.duplicateEffects(), result.mails().duplicates(),
                result.largestMemoryGrowthPct(), result.largestWalRetainedMib(), result.diedOnTheirOwn().size());
    }

    /** {@code mm:ss} since the soak started. */
    static String clock(Duration since) {
        return String.format(Locale.ROOT, "%02d:%02d", since.toMinutes(), since.toSecondsPart());
    }

    private static void printState(PrintStream out, StackSample start, StackSample end) {
        out.printf(Locale.ROOT, STATE_ROW, "what", "part, table, topic, slot or group", "start " + clock(start.at()),
                "end " + clock(end.at()));
        out.printf(Locale.ROOT, STATE_ROW, "-".repeat(7), "-".repeat(52), "-".repeat(18), "-".repeat(18));
        rows(out, "memory", start.memory(), end.memory(), m -> m.rssMib() + " MiB (" + m.pid() + ")");
        rows(out, "rows", start.rows(), end.rows(), Object::toString);
        rows(out, "topic", start.topics(), end.topics(), t -> mib(t.bytes()) + " MiB/" + t.records());
        rows(out, "wal", start.walRetained(), end.walRetained(), bytes -> mib(bytes) + " MiB");
        rows(out, "lag", start.lag(), end.lag(), Object::toString);
    }

    private static <T> void rows(PrintStream out, String kind, Map<String, T> start, Map<String, T> end,
                                 Function<T, String> shown) {
        TreeSet<String> subjects = new TreeSet<>(start.keySet());
        subjects.addAll(end.keySet());
        for (String subject : subjects) {
            out.printf(Locale.ROOT, STATE_ROW, kind, subject, value(start.get(subject), shown),
                    value(end.get(subject), shown));
        }
    }

    private static <T> String value(T value, Function<T, String> shown) {
        return value == null ? "-" : shown.apply(value);
    }

    private static void printGrowth(PrintStream out, List<GrowthCheck> checks) {
        out.printf(Locale.ROOT, GROWTH_ROW, "check", "part, table or slot", "from", "to", "growth", "ok", "why");
        out.printf(Locale.ROOT, GROWTH_ROW, "-".repeat(6), "-".repeat(44), "-".repeat(10), "-".repeat(10),
                "-".repeat(8), "-".repeat(5), "-".repeat(3));
        for (GrowthCheck check : checks) {
            String growth = check.growthPct().isPresent()
                    ? String.format(Locale.ROOT, "%+.1f %%", check.growthPct().getAsDouble()) : "-";
            String ok = !check.judged() ? "shown" : check.ok() ? "yes" : "NO";
            out.printf(Locale.ROOT, GROWTH_ROW, check.kind(), check.subject(), check.from(), check.to(), growth, ok,
                    check.note());
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
