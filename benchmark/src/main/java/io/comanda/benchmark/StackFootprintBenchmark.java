package io.comanda.benchmark;

import io.comanda.devstack.cli.LocalStack;
import io.comanda.devstack.clients.ControlClient;
import io.comanda.devstack.parts.Ports;
import io.comanda.devstack.parts.ProcessTreeUsage;
import io.comanda.devstack.parts.StackPorts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./comanda up --fresh} as a reader would, times it until it says the stack is up, waits
 * until every part has settled (the stack uses less than {@code --quiet-cpu} percent of one core over
 * five seconds, or {@code --settle} seconds passed), prints the resident memory of each part with its
 * child processes and of the whole stack, the launcher included, and stops it with {@code ./comanda
 * down}. Repeats {@code --runs} times (default 3) and ends with the medians:
 * {@code RESULT P4 rss_mb=... up_s=...}. RSS counts a shared page in every process that maps it
 * (PostgreSQL's shared buffers once per backend); PSS, printed beside it, shares it out.
 */
public final class StackFootprintBenchmark {

    private StackFootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = Options.parse(args, Map.of("runs", 3, "settle", 60, "quiet-cpu", 30));
        Path root = Path.of(System.getProperty("comanda.root", "..")).toAbsolutePath().normalize();
        List<Double> rss = new ArrayList<>();
        List<Double> up = new ArrayList<>();
        for (int run = 1; run <= options.get("runs"); run++) {
            requireFree(StackPorts.fromEnvironment());
            System.out.printf("[benchmark] run %d: ./comanda up --fresh ...%n", run);
            Path log = Files.createTempFile("comanda-up", ".log");
            long begin = System.nanoTime();
            Process launcher = comanda(root, log, "up", "--fresh");
            try {
                awaitUp(launcher, log);
                double seconds = (System.nanoTime() - begin) / 1e9;
                Map<String, Long> pids = partProcesses(launcher.toHandle(), root);
                double settled = awaitQuiet(ProcessCpu.of(pids), options.get("settle"), options.get("quiet-cpu") / 100.0);
                System.out.printf(Locale.ROOT, "  up in %.1f s, settled %.0f s later; resident memory (MiB):%n", seconds,
                        settled);
                rss.add((double) printMemory(pids));
                up.add(seconds);
            } finally {
                comanda(root, Files.createTempFile("comanda-down", ".log"), "down").waitFor(120, TimeUnit.SECONDS);
                launcher.waitFor(120, TimeUnit.SECONDS);
            }
        }
        System.out.printf(Locale.ROOT, "Stack footprint, median of %d runs: RSS %.0f MiB, up in %.1f s%n", rss.size(),
                ConfirmationLatencyBenchmark.median(rss), ConfirmationLatencyBenchmark.median(up));
        System.out.printf(Locale.ROOT, "RESULT P4 rss_mb=%.0f up_s=%.1f%n", ConfirmationLatencyBenchmark.median(rss),
                ConfirmationLatencyBenchmark.median(up));
    }

    /**
     * The process of each part, as the running launcher reports it on its control channel, and the
     * launcher itself with what is left (the watchdogs that stop a part when the launcher dies).
     */
    private static Map<String, Long> partProcesses(ProcessHandle launcher, Path root) {
        ControlClient control = ControlClient.of(LocalStack.home(root))
                .orElseThrow(() -> new IllegalStateException("the launcher has no control channel"));
        Map<String, Long> pids = new LinkedHashMap<>();
        control.parts().stream().filter(part -> part.pid() != null).forEach(part -> pids.put(part.part(), part.pid()));
        pids.put("launcher", launcher.pid());
        return pids;
    }

    private static long printMemory(Map<String, Long> pids) {
        long totalRss = 0;
        long totalPss = 0;
        System.out.printf(Locale.ROOT, "    %-22s %7s %7s%n", "part", "RSS", "PSS");
        for (Map.Entry<String, Long> part : pids.entrySet()) {
            long partRss = ProcessTreeUsage.rssMib(part.getValue(), pids.values());
            long partPss = ProcessTreeUsage.pssMib(part.getValue(), pids.values());
            totalRss += partRss;
            totalPss += partPss;
            System.out.printf(Locale.ROOT, "    %-22s %7d %7d%n", part.getKey(), partRss, partPss);
        }
        System.out.printf(Locale.ROOT, "    %-22s %7d %7d%n", "all", totalRss, totalPss);
        return totalRss;
    }

    private static Process comanda(Path root, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("comanda").toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private static void awaitUp(Process launcher, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.readString(log).contains("Comanda is up")) {
            if (!launcher.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("./comanda up did not come up:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
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
