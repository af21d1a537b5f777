package io.comanda.devstack.parts;

import java.util.ArrayList;
import java.util.List;

/**
 * How much memory a child JVM of the stack may take, and how it compiles: a dozen JVMs share one
 * developer machine, so each gets a heap fitted to its work and the serial collector (on two cores the
 * JVM would pick G1, whose own bookkeeping costs tens of MiB per process). Parts that serve the hot path
 * of an order keep the optimising compiler; the others stop at C1, which compiles less and keeps less.
 *
 * @param initialHeap  {@code -Xms}; equal to {@code maxHeap} where steady latency matters more than idle memory
 * @param maxHeap      {@code -Xmx}
 * @param quickCompile {@code -XX:TieredStopAtLevel=1}
 */
public record JvmSizing(String initialHeap, String maxHeap, boolean quickCompile) {

    /**
     * The environment of every child JVM: two malloc arenas instead of eight per core, since the JVM
     * allocates little natively and each arena a thread touches stays resident.
     */
    public static final String MALLOC_ARENA_MAX = "2";

    /** A fixed heap of {@code size}, e.g. {@code 192m}: no resizing while it serves. */
    public static JvmSizing fixed(String size) {
        return new JvmSizing(size, size, false);
    }

    /** A heap that starts small and may grow to {@code maxHeap}. */
    public static JvmSizing upTo(String maxHeap) {
        return new JvmSizing("32m", maxHeap, false);
    }

    /** The same, compiled by C1 only: for parts off the hot path. */
    public JvmSizing offHotPath() {
        return new JvmSizing(initialHeap, maxHeap, true);
    }

    /** The JVM options. */
    public List<String> options() {
        List<String> options = new ArrayList<>(List.of("-Xms" + initialHeap, "-Xmx" + maxHeap, "-XX:+UseSerialGC"));
        if (quickCompile) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        return options;
    }
}
