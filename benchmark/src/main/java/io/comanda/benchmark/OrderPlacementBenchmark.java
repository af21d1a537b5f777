package io.comanda.benchmark;

import io.comanda.devstack.clients.AccessTokens;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.parts.KafkaProcess;
import io.comanda.devstack.parts.KafkaTopics;
import io.comanda.devstack.parts.KeycloakServer;
import io.comanda.devstack.parts.MachineCache;
import io.comanda.devstack.parts.Ports;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.QuarkusAppProcess;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drives {@code POST /orders} of the packaged orders-service with real tokens and unique keys at N
 * closed-loop clients, then runs pgbench on the same PostgreSQL with the statements the service sends
 * (the ceiling) and with those it sent through the ORM (the legacy ceiling); warms both up first,
 * repeats the three measurements and reports their medians and the CPU each process spent per 1,000
 * orders. Its parts (PostgreSQL, a Kafka broker, Keycloak, the service) are its own, on free ports, so
 * it runs beside a local stack.
 *
 * <p>Arguments: {@code --clients 16 --seconds 30 --warmup 20 --runs 3}. The last line is
 * {@code RESULT P1 ratio=... rate=... ceiling=... legacy_ceiling=... p50_ms=... p99_ms=...}.
 */
public final class OrderPlacementBenchmark {

    static final PgBenchScript SCRIPT = PlacementScript.current();
    static final PgBenchScript LEGACY_SCRIPT = PgBenchScript.resource("place-order-legacy.sql");
    private static final String ORDER = """
            {"items":[{"sku":"ESPRESSO-250G","quantity":2},{"sku":"MOKA-POT-3","quantity":1}],
             "paymentMethod":"pm_card_visa","note":"benchmark"}""";

    private OrderPlacementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = Options.parse(args,
                Map.of("clients", 16, "seconds", 30, "warmup", 20, "runs", 3));
        int clients = options.get("clients");
        Duration duration = Duration.ofSeconds(options.get("seconds"));
        Path root = Path.of(System.getProperty("comanda.root", "..")).toAbsolutePath().normalize();
        Path work = root.resolve("benchmark/target/bench");
        // A broker keeps its data between starts; each run begins with an empty one.
        MachineCache.deleteRecursively(work.resolve("kafka"));

        log("starting PostgreSQL, Kafka, Keycloak and the packaged orders-service ...");
        try (PostgresServer postgres = PostgresServer.start(work.resolve("postgres"), 0, true,
                work.resolve("logs/postgres.log"));
             KafkaProcess kafka = KafkaProcess.start(work.resolve("kafka"), Ports.free(), Ports.free(),
                     work.resolve("logs/kafka.log"));
             KeycloakServer keycloak = KeycloakServer.start(work.resolve("keycloak"), 0, work.resolve("logs/keycloak.log"));
             QuarkusAppProcess orders = startOrders(root, work, postgres, kafka, keycloak)) {
            Map<String, Long> pids = new LinkedHashMap<>();
            pids.put("orders-service", orders.pid().orElseThrow());
            pids.put("postgresql", postgres.pid().orElseThrow());
            pids.put("keycloak", keycloak.pid().orElseThrow());
            pids.put("kafka", kafka.pid().orElseThrow());
            pids.put("load generator", ProcessCpu.self());
            PlacementRuns runs = new PlacementRuns(ProcessCpu.of(pids), clients, duration,
                    () -> loadGenerator(orders, keycloak), PgBench.executable().map(pgbench -> (script, seconds) ->
                            PgBench.ordersPerSecond(pgbench, script, work, postgres.port(), "orders", clients, seconds)));
            runs.warmUp(Duration.ofSeconds(options.get("warmup")));
            for (int run = 1; run <= options.get("runs"); run++) {
                log("run " + run + " of " + options.get("runs") + ": " + clients + " clients, "
                        + duration.toSeconds() + " s each for the service, pgbench and pgbench legacy ...");
                runs.measure();
            }
            runs.report();
        }
    }

    /** A load generator with fresh tokens: alice on even clients, bob on odd ones. */
    private static LoadGenerator loadGenerator(QuarkusAppProcess orders, KeycloakServer keycloak) {
        String alice = AccessTokens.forUser(keycloak.url(), LocalUser.ALICE);
        String bob = AccessTokens.forUser(keycloak.url(), LocalUser.BOB);
        return new LoadGenerator(URI.create(orders.address() + "/orders"), client -> client % 2 == 0 ? alice : bob,
                ORDER);
    }

    /**
     * The packaged orders-service on its own database, broker and realm. It follows payment outcomes,
     * so it needs a broker to start (its consumer creates its retry and dead-letter topics then); no
     * outcome arrives here, since neither the outbox relay nor payments-service runs.
     */
    private static QuarkusAppProcess startOrders(Path root, Path work, PostgresServer postgres, KafkaProcess kafka,
                                                 KeycloakServer keycloak) {
        postgres.createDatabase("orders");
        kafka.createTopics(KafkaTopics.catalogue());
        return QuarkusAppProcess.start("orders-service", root.resolve("orders-service"), Ports.free(), "512m", Map.of(
                        "QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl("orders"),
                        "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("orders"),
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl(),
                        // Reconciliation's payments-service, which does not run here: no order waits ten minutes.
                        "COMANDA_PAYMENTS_URL", "http://127.0.0.1:" + Ports.free(),
                        // No trace collector runs here; an exporter retrying would distort the numbers.
                        "QUARKUS_OTEL_SDK_DISABLED", "true"),
                work.resolve("logs/orders-service.log"));
    }

    static void log(String message) {
        System.out.println("[benchmark] " + message);
    }

    /** Runs pgbench of one script for a while: its transactions per second. */
    @FunctionalInterface
    interface Ceiling {
        double ordersPerSecond(PgBenchScript script, Duration duration) throws Exception;
    }

    /** Makes a load generator for one run. */
    @FunctionalInterface
    interface LoadGenerators {
        LoadGenerator next() throws Exception;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static Optional<Double> medianIfAny(List<Double> values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(median(values));
    }
}
