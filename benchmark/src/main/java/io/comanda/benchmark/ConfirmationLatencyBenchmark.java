package io.comanda.benchmark;

import io.comanda.devstack.cli.LocalStack;
import io.comanda.devstack.clients.AccessTokens;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.load.CustomerToken;
import io.comanda.devstack.load.OrderLoad;
import io.comanda.devstack.load.PlacedOrder;
import io.comanda.devstack.parts.Ports;
import io.comanda.devstack.parts.StackPart;
import io.comanda.devstack.parts.StackPorts;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Places orders at a steady rate on the whole local stack (what {@code ./comanda up} starts) and
 * prints p50/p99 of the time from each {@code 201} to the order being CONFIRMED: the confirmation's
 * {@code occurredAt}, stamped by orders-service when it commits the new status, on the same clock.
 *
 * <p>Arguments: {@code --rate 100 --seconds 60 --warmup 30 --runs 3}: the warm-up runs at the same rate
 * first, unmeasured, so the JIT of every process has settled; then each run prints where the time went
 * ({@link ConfirmationTimes}) and the CPU seconds per 1,000 orders of every part, and the last line the
 * median of the runs' percentiles. Uses the stack's ports, {@code COMANDA_<PART>_PORT}
 * overriding each as for {@code ./comanda up}; it refuses to start while one is taken.
 */
public final class ConfirmationLatencyBenchmark {

    private ConfirmationLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = Options.parse(args, Map.of("rate", 100, "seconds", 60, "warmup", 30, "runs", 3));
        int rate = options.get("rate");
        int seconds = options.get("seconds");
        Path root = Path.of(System.getProperty("comanda.root", "..")).toAbsolutePath().normalize();
        StackPorts ports = StackPorts.fromEnvironment();
        requireFree(ports);
        try (LocalStack stack = LocalStack.start(root, ports, true, System.out)) {
            CustomerToken token = new CustomerToken("http://127.0.0.1:" + ports.of(StackPart.KEYCLOAK.operatorName()), LocalUser.ALICE);
            String orders = "http://127.0.0.1:" + ports.of(StackPart.ORDERS.operatorName());
            String kafka = "127.0.0.1:" + ports.of(StackPart.KAFKA.operatorName());
            ProcessCpu cpu = ProcessCpu.of(partPids(stack));
            System.out.printf("[benchmark] warming up at %d/s for %d s ...%n", rate, options.get("warmup"));
            placeAtRate(orders, token, rate, options.get("warmup"), new ConcurrentHashMap<>());
            List<Double> p50s = new ArrayList<>();
            List<Double> p99s = new ArrayList<>();
            for (int run = 1; run <= options.get("runs"); run++) {
                Map<String, Instant> created = new ConcurrentHashMap<>();
                System.out.printf("[benchmark] run %d: measuring at %d/s for %d s ...%n", run, rate, seconds);
                Map<String, Double> before = cpu.snapshot();
                placeAtRate(orders, token, rate, seconds, created);
                ConfirmationTimes times = ConfirmationTimes.of(kafka, created);
                Map<String, Double> after = cpu.snapshot();
                times.lines().forEach(line -> System.out.println("  " + line));
                ProcessCpu.print(before, after, created.size(), "orders");
                p50s.add(times.total.getValueAtPercentile(50) / 1000.0);
                p99s.add(times.total.getValueAtPercentile(99) / 1000.0);
            }
            System.out.printf(Locale.ROOT, "201 -> CONFIRMED at %d orders/s for %d s, median of %d runs: p50 %.1f ms, "
                    + "p99 %.1f ms%n", rate, seconds, p50s.size(), median(p50s), median(p99s));
            System.out.printf(Locale.ROOT, "RESULT P2 p50_ms=%.1f p99_ms=%.1f%n", median(p50s), median(p99s));
        }
    }

    /** Each part of the stack that is a process of its own, and this load generator. */
    static Map<String, Long> partPids(LocalStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        stack.parts().forEach(part -> part.pid().ifPresent(pid -> pids.put(part.name(), pid)));
        pids.put("benchmark", ProcessCpu.self());
        return pids;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /**
     * A part whose port is taken may seem ready because another stack answers there, and the numbers
     * would then be that stack's; so, as {@code ./comanda up}, refuse and name the variable that moves it.
     */
    private static void requireFree(StackPorts ports) {
        ports.all().forEach((part, port) -> {
            if (Ports.inUse(port)) {
                throw new IllegalStateException("Port " + port + " for " + part + " is in use. Stop what uses it, "
                        + "or choose another port: " + StackPorts.variable(part) + "=<port>");
            }
        });
    }

    /**
     * Places {@code rate} orders a second for {@code seconds} through devstack's {@link OrderLoad}, and
     * notes when each was answered 201.
     */
    private static void placeAtRate(String ordersUrl, CustomerToken customer, int rate, int seconds,
                                    Map<String, Instant> created) throws InterruptedException {
        // Two seconds of the load in flight at most: a stack that far behind is past what this measures,
        // and more clients would only pile onto a service that is behind.
        try (OrderLoad load = new OrderLoad(ordersUrl, customer, Duration.ofMinutes(2), n -> "pm_card_visa", 2 * rate)) {
            load.start(rate);
            Thread.sleep(Duration.ofSeconds(seconds).toMillis());
            for (PlacedOrder order : load.finish()) {
                if (order.accepted()) {
                    created.put(order.orderId(), order.acceptedAt());
                } else {
                    System.err.println("order failed: " + order.refusal());
                }
            }
            if (load.notSent() > 0) {
                System.err.printf("%d orders not sent: %d clients were waiting for their answer%n", load.notSent(),
                        load.maxInFlight());
            }
        }
    }
}
