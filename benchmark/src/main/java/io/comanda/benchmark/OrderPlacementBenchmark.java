package io.comanda.benchmark;

import io.comanda.devstack.AccessTokens;
import io.comanda.devstack.LocalUser;
import io.comanda.devstack.parts.KeycloakServer;
import io.comanda.devstack.parts.Ports;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.QuarkusAppProcess;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Drives {@code POST /orders} of the packaged orders-service with real tokens and unique keys at N
 * concurrent clients for T seconds, then runs pgbench of the same SQL transaction on the same
 * PostgreSQL as the ceiling, and prints both with their ratio.
 *
 * <p>Arguments: {@code --clients 16 --seconds 30 --warmup 20} (the warm-up lets the JIT settle).
 */
public final class OrderPlacementBenchmark {

    private static final String ORDER = """
            {"items":[{"sku":"ESPRESSO-250G","quantity":2},{"sku":"MOKA-POT-3","quantity":1}],
             "paymentMethod":"pm_card_visa","note":"benchmark"}""";

    private OrderPlacementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = Options.parse(args, Map.of("clients", 16, "seconds", 30, "warmup", 20));
        int clients = options.get("clients");
        Duration duration = Duration.ofSeconds(options.get("seconds"));
        Path root = Path.of(System.getProperty("comanda.root", "..")).toAbsolutePath().normalize();
        Path work = root.resolve("benchmark/target/bench");

        log("starting PostgreSQL, Keycloak and the packaged orders-service ...");
        try (PostgresServer postgres = PostgresServer.start(work.resolve("postgres"), 0, true,
                work.resolve("logs/postgres.log"));
             KeycloakServer keycloak = KeycloakServer.start(work.resolve("keycloak"), 0, work.resolve("logs/keycloak.log"))) {
            postgres.createDatabase("orders");
            try (QuarkusAppProcess orders = QuarkusAppProcess.start("orders-service", root.resolve("orders-service"),
                    Ports.free(), "512m", Map.of(
                            "QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl("orders"),
                            "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("orders"),
                            "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl(),
                            // No trace collector runs here; an exporter retrying would distort the numbers.
                            "QUARKUS_OTEL_SDK_DISABLED", "true"),
                    work.resolve("logs/orders-service.log"))) {
                String alice = AccessTokens.forUser(keycloak.url(), LocalUser.ALICE);
                String bob = AccessTokens.forUser(keycloak.url(), LocalUser.BOB);
                LoadGenerator load = new LoadGenerator(URI.create(orders.url() + "/orders"),
                        client -> client % 2 == 0 ? alice : bob, ORDER);

                log("warming up for " + options.get("warmup") + " s ...");
                load.run(clients, Duration.ofSeconds(options.get("warmup")));
                log("measuring " + clients + " clients for " + duration.toSeconds() + " s ...");
                LoadGenerator.Result result = load.run(clients, duration);
                double ordersPerSecond = result.created() / (double) duration.toSeconds();

                Optional<Path> pgbench = PgBench.executable();
                Double ceiling = null;
                if (pgbench.isPresent()) {
                    log("pgbench of the same transaction, " + clients + " connections, " + duration.toSeconds() + " s ...");
                    ceiling = PgBench.ordersPerSecond(pgbench.get(), work, postgres.port(), "orders", clients, duration);
                }
                report(clients, duration, result, ordersPerSecond, ceiling);
            }
        }
    }

    private static void report(int clients, Duration duration, LoadGenerator.Result result, double ordersPerSecond,
                               Double ceiling) {
        Histogram h = result.latencies();
        System.out.println();
        System.out.printf(Locale.ROOT, "Order placement: %d clients, %d s, %d cores%n", clients, duration.toSeconds(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  orders-service   %8.1f orders/s   p50 %6.2f ms   p99 %6.2f ms   p99.9 %6.2f ms"
                        + "   (%d created, %d other answers)%n",
                ordersPerSecond, ms(h, 50), ms(h, 99), ms(h, 99.9), result.created(), result.errors());
        if (ceiling == null) {
            System.out.println("  pgbench          not found: install the PostgreSQL client tools for the ceiling");
            return;
        }
        System.out.printf(Locale.ROOT, "  pgbench ceiling  %8.1f tx/s     (same SQL transaction, %d connections)%n",
                ceiling, clients);
        System.out.printf(Locale.ROOT, "  ratio            %8.2f x ceiling%n", ordersPerSecond / ceiling);
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static void log(String message) {
        System.out.println("[benchmark] " + message);
    }
}
