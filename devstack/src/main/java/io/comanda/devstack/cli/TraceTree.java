package io.comanda.devstack.cli;

import io.comanda.devstack.clients.ZipkinTraces;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.Locale;

/**
 * Prints a trace as an indented tree, one span a line in start order: service, span name, start offset
 * from the trace's first span, duration, and {@code ERROR} for a failed span.
 */
final class TraceTree {

    private TraceTree() {
    }

    static void print(PrintStream out, ZipkinTraces.Trace trace) {
        long start = trace.spans().stream().mapToLong(ZipkinTraces.Span::timestampMicros).min().orElse(0);
        out.printf(Locale.ROOT, "trace %s, %d spans%n", trace.id(), trace.spans().size());
        out.printf("  %-76s %10s %10s%n", "service  span", "start", "duration");
        trace.roots().stream().sorted(byStart()).forEach(root -> print(out, trace, root, 0, start));
    }

    private static void print(PrintStream out, ZipkinTraces.Trace trace, ZipkinTraces.Span span, int depth, long start) {
        String label = "  ".repeat(depth) + span.service() + "  " + span.name();
        out.printf(Locale.ROOT, "  %-76s %+8.1fms %8.1fms%s%n", label, (span.timestampMicros() - start) / 1000.0,
                span.durationMicros() / 1000.0, span.failed() ? ("  ERROR " + span.tags().get("error")).stripTrailing() : "");
        trace.children(span).stream().sorted(byStart()).forEach(child -> print(out, trace, child, depth + 1, start));
    }

    private static Comparator<ZipkinTraces.Span> byStart() {
        return Comparator.comparingLong(ZipkinTraces.Span::timestampMicros);
    }
}
