package io.comanda.benchmark;

import io.comanda.devstack.cli.ComandaStack;
import io.comanda.devstack.cli.StackPorts;
import io.comanda.devstack.parts.Ports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Starts the whole local stack as {@code ./comanda up --fresh} does, times it, waits until every part
 * has settled (the stack uses less than {@code --quiet-cpu} percent of one core over five seconds, or
 * {@code --settle} seconds passed), then prints the resident memory of each part and of the whole
 * stack, and stops it. Repeats {@code --runs} times (default 3) and ends with the medians:
 * {@code RESULT P4 rss_mb=... up_s=...}. This JVM stands in for {@code ./comanda}'s launcher and counts
 * as one part. Uses the stack's ports, as {@code ./comanda up}; it refuses to start while one is taken.
 */
public final class StackFootprintBenchmark {

    private StackFootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = Options.parse(args, Map.of("runs", 3, "settle", 60, "quiet-cpu", 30));
        Path root = Path.of(System.getProperty("comanda.root", "..")).toAbsolutePath().normalize();
        StackPorts ports = StackPorts.fromEnvironment();
        List<Double> rss = new ArrayList<>();
        List<Double> pss = new ArrayList<>();
        List<Double> up = new ArrayList<>();
        for (int run = 1; run <= options.get("runs"); run++) {
            requireFree(ports);
            System.out.printf("[benchmark] run %d: starting the stack from scratch ...%n", run);
            long begin = System.nanoTime();
            try (ComandaStack stack = ComandaStack.start(root, ports, true, System.out)) {
                double seconds = (System.nanoTime() - begin) / 1e9;
                Map<String, Long> pids = ConfirmationLatencyBenchmark.partPids(stack);
                pids.put("launcher", pids.remove("benchmark"));
                double settled = awaitQuiet(ProcessCpu.of(pids), options.get("settle"), options.get("quiet-cpu") / 100.0);
                long totalRss = 0;
                long totalPss = 0;
                System.out.printf(Locale.ROOT, "  up in %.1f s, settled %.0f s later; resident memory (MiB):%n", seconds,
                        settled);
                System.out.printf(Locale.ROOT, "    %-22s %7s %7s%n", "part", "RSS", "PSS");
                for (Map.Entry<String, Long> part : pids.entrySet()) {
                    long partRss = ProcessMemory.rssMib(part.getValue(), pids.values());
                    long partPss = ProcessMemory.pssMib(part.getValue(), pids.values());
                    totalRss += partRss;
                    totalPss += partPss;
                    System.out.printf(Locale.ROOT, "    %-22s %7d %7d%n", part.getKey(), partRss, partPss);
                }
                System.out.printf(Locale.ROOT, "    %-22s %7d %7d%n", "all", totalRss, totalPss);
                rss.add((double) totalRss);
                pss.add((double) totalPss);
                up.add(seconds);
            }
        }
        System.out.printf(Locale.ROOT, "Stack footprint, median of %d runs: RSS %.0f MiB (PSS %.0f MiB), up in %.1f s%n",
                rss.size(), ConfirmationLatencyBenchmark.median(rss), ConfirmationLatencyBenchmark.median(pss),
                ConfirmationLatencyBenchmark.median(up));
        System.out.printf(Locale.ROOT, "RESULT P4 rss_mb=%.0f up_s=%.1f%n", ConfirmationLatencyBenchmark.median(rss),
                ConfirmationLatencyBenchmark.median(up));
    }

    /** Seconds until the stack's CPU use over five seconds stays under {@code cores}, at most {@code limit}. */
    private static double awaitQuiet(ProcessCpu cpu, int limit, double cores) throws InterruptedException {
        long begin = System.nanoTime();
        while ((System.nanoTime() - begin) / 1e9 < limit) {
            double before = sum(cpu.snapshot());
            Thread.sleep(5_000);
            if ((sum(cpu.snapshot()) - before) / 5.0 < cores) {
                break;
            }
        }
        return (System.nanoTime() - begin) / 1e9;
    }

    private static double sum(Map<String, Double> seconds) {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static void requireFree(StackPorts ports) {
        ports.all().forEach((part, port) -> {
            if (Ports.inUse(port)) {
                throw new IllegalStateException("Port " + port + " for " + part + " is in use. Stop what uses it, "
                        + "or choose another port: " + StackPorts.variable(part) + "=<port>");
            }
        });
    }
}
