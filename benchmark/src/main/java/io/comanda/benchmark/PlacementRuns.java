package io.comanda.benchmark;

import io.comanda.benchmark.OrderPlacementBenchmark.Ceiling;
import io.comanda.benchmark.OrderPlacementBenchmark.LoadGenerators;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.comanda.benchmark.OrderPlacementBenchmark.LEGACY_SCRIPT;
import static io.comanda.benchmark.OrderPlacementBenchmark.SCRIPT;
import static io.comanda.benchmark.OrderPlacementBenchmark.log;
import static io.comanda.benchmark.OrderPlacementBenchmark.medianIfAny;

/**
 * The measured runs of the placement benchmark: each one the service under load, then pgbench of the
 * service's statements, then pgbench of the legacy ones, each for the same time; the figures of every
 * run, their medians, and the CPU per 1,000 orders of each process, summed over the runs.
 */
final class PlacementRuns {

    private final ProcessCpu cpu;
    private final int clients;
    private final Duration duration;
    private final LoadGenerators loadGenerators;
    private final Optional<Ceiling> ceiling;
    private final List<Double> rates = new ArrayList<>();
    private final List<Double> p50s = new ArrayList<>();
    private final List<Double> p99s = new ArrayList<>();
    private final List<Double> ceilings = new ArrayList<>();
    private final List<Double> legacyCeilings = new ArrayList<>();
    private final CpuTally serviceCpu = new CpuTally();
    private final CpuTally pgbenchCpu = new CpuTally();

    PlacementRuns(ProcessCpu cpu, int clients, Duration duration, LoadGenerators loadGenerators,
                  Optional<Ceiling> ceiling) {
        this.cpu = cpu;
        this.clients = clients;
        this.duration = duration;
        this.loadGenerators = loadGenerators;
        this.ceiling = ceiling;
    }

    /** Lets the service's JIT and PostgreSQL's caches settle: load on the service, then a little pgbench. */
    void warmUp(Duration warmup) throws Exception {
        log("warming up for " + warmup.toSeconds() + " s ...");
        loadGenerators.next().run(clients, warmup);
        if (ceiling.isPresent()) {
            Duration brief = Duration.ofSeconds(Math.max(3, warmup.toSeconds() / 4));
            ceiling.get().ordersPerSecond(SCRIPT, brief);
            ceiling.get().ordersPerSecond(LEGACY_SCRIPT, brief);
        }
    }

    void measure() throws Exception {
        LoadGenerator load = loadGenerators.next();
        Map<String, Double> before = cpu.snapshot();
        LoadGenerator.Result result = load.run(clients, duration);
        serviceCpu.add(before, cpu.snapshot(), result.created());
        Histogram h = result.latencies();
        double rate = result.created() / (double) duration.toSeconds();
        rates.add(rate);
        p50s.add(ms(h, 50));
        p99s.add(ms(h, 99));
        String line = String.format(Locale.ROOT, "  service %8.1f orders/s  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms"
                + "  (%d created, %d other answers)", rate, ms(h, 50), ms(h, 99), ms(h, 99.9), result.created(),
                result.errors());
        if (ceiling.isPresent()) {
            before = cpu.snapshot();
            double tps = ceiling.get().ordersPerSecond(SCRIPT, duration);
            pgbenchCpu.add(before, cpu.snapshot(), Math.round(tps * duration.toSeconds()));
            ceilings.add(tps);
            legacyCeilings.add(ceiling.get().ordersPerSecond(LEGACY_SCRIPT, duration));
            line += String.format(Locale.ROOT, "%n  pgbench %8.1f tx/s   legacy %8.1f tx/s   ratio %.2f",
                    tps, legacyCeilings.get(legacyCeilings.size() - 1), rate / tps);
        }
        System.out.println(line);
    }

    void report() {
        System.out.println();
        System.out.printf(Locale.ROOT, "Order placement: %d clients, %d s per measurement, %d runs, %d cores, "
                        + "load average before the report %.2f%n", clients, duration.toSeconds(), rates.size(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        serviceCpu.print("orders (service runs; load generator = this JVM)");
        pgbenchCpu.print("pgbench transactions of the service's statements (load generator = pgbench)");
        double rate = medianIfAny(rates).orElse(0.0);
        Optional<Double> ceilingRate = medianIfAny(ceilings);
        System.out.println(String.format(Locale.ROOT,
                "RESULT P1 ratio=%s rate=%.0f ceiling=%s legacy_ceiling=%s p50_ms=%.1f p99_ms=%.1f",
                ceilingRate.map(c -> String.format(Locale.ROOT, "%.2f", rate / c)).orElse("n/a"), rate,
                ceilingRate.map(c -> String.format(Locale.ROOT, "%.0f", c)).orElse("n/a"),
                medianIfAny(legacyCeilings).map(c -> String.format(Locale.ROOT, "%.0f", c)).orElse("n/a"),
                medianIfAny(p50s).orElse(0.0), medianIfAny(p99s).orElse(0.0)));
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** CPU seconds per process and operations, summed over the runs. */
    private static final class CpuTally {
        private final Map<String, Double> seconds = new LinkedHashMap<>();
        private long operations;

        void add(Map<String, Double> before, Map<String, Double> after, long ops) {
            after.forEach((part, value) -> seconds.merge(part, value - before.getOrDefault(part, 0.0), Double::sum));
            operations += ops;
        }

        void print(String what) {
            if (operations > 0) {
                ProcessCpu.print(Map.of(), seconds, operations, what);
            }
        }
    }
}
