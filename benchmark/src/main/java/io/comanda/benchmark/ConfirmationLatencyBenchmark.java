package io.comanda.benchmark;

import io.comanda.devstack.cli.LocalStack;
import io.comanda.devstack.clients.AccessTokens;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.parts.Ports;
import io.comanda.devstack.parts.StackPorts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final String ORDER = """
            {"items":[{"sku":"ESPRESSO-250G","quantity":1}],"paymentMethod":"pm_card_visa"}""";

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
            String token = AccessTokens.forUser("http://127.0.0.1:" + ports.of("keycloak"), LocalUser.ALICE);
            HttpClient http = HttpClient.newHttpClient();
            URI orders = URI.create("http://127.0.0.1:" + ports.of("orders") + "/orders");
            String kafka = "127.0.0.1:" + ports.of("kafka");
            ProcessCpu cpu = ProcessCpu.of(partPids(stack));
            System.out.printf("[benchmark] warming up at %d/s for %d s ...%n", rate, options.get("warmup"));
            placeAtRate(http, orders, token, rate, options.get("warmup"), new ConcurrentHashMap<>());
            List<Double> p50s = new ArrayList<>();
            List<Double> p99s = new ArrayList<>();
            for (int run = 1; run <= options.get("runs"); run++) {
                Map<String, Instant> created = new ConcurrentHashMap<>();
                System.out.printf("[benchmark] run %d: measuring at %d/s for %d s ...%n", run, rate, seconds);
                Map<String, Double> before = cpu.snapshot();
                placeAtRate(http, orders, token, rate, seconds, created);
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

    private static void placeAtRate(HttpClient http, URI orders, String token, int rate, int seconds,
                                    Map<String, Instant> created) throws InterruptedException {
        ScheduledExecutorService clients = Executors.newScheduledThreadPool(16);
        long periodMicros = 1_000_000L / rate;
        for (int i = 0; i < rate * seconds; i++) {
            clients.schedule(() -> place(http, orders, token, created), i * periodMicros, TimeUnit.MICROSECONDS);
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
    }

    private static void place(HttpClient http, URI orders, String token, Map<String, Instant> created) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(orders)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(ORDER)).build(), HttpResponse.BodyHandlers.ofString());
            Instant answered = Instant.now();
            Matcher id = ID.matcher(response.body());
            if (response.statusCode() == 201 && id.find()) {
                created.put(id.group(1), answered);
            }
        } catch (Exception e) {
            System.err.println("order failed: " + e);
        }
    }
}
