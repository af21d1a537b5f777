package io.comanda.benchmark;

import io.comanda.devstack.parts.EmbeddedKafka;
import io.comanda.devstack.parts.MachineCache;
import io.comanda.devstack.parts.Ports;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.ProcessPart;
import io.comanda.devstack.parts.QuarkusAppProcess;
import io.comanda.devstack.parts.StackHttp;
import io.comanda.devstack.parts.StripeEmulatorProcess;
import io.comanda.events.OrderPlaced;
import io.comanda.events.Topic;

import java.net.URI;
import java.net.http.HttpRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How fast payments-service drains a backlog (goal P3): N {@code OrderPlaced} are published before the
 * packaged service starts; the count of payment rows is sampled every 250 ms, and the rate is the
 * slope between 10 % and 90 % done, so the service's start and its first, cold 10 % (the warm-up) and
 * the tail of the last batches stay out of it. Each run has a fresh broker, database and Stripe
 * emulator; after it, every order must have exactly one payment row and one outbox row, and the
 * emulator exactly one charge. Prints CPU seconds per 1,000 events of payments-service, PostgreSQL (the
 * postmaster and its backends), the emulator (its own process) and this JVM, which hosts the Kafka
 * broker and samples the count.
 *
 * <p>With {@code --ambiguous-permille N} (goal M2) the emulator answers N of every 1,000 creates
 * ambiguously: executed, then a 500 stored under the key; payments-service resolves each in the
 * background, and the check after the run still asks for one charge per order.
 *
 * <p>With {@code --steady-rate R} each run then publishes R orders a second for {@code --steady-seconds} (60)
 * and prints how long the orders that met no ambiguous answer waited for their payment
 * ({@link SteadyPayments}, {@code RESULT M2 ...}).
 *
 * <p>Arguments: {@code --events 100000 --latency-ms 0 --runs 3 --ambiguous-permille 0 --steady-rate 0}. Ends with
 * {@code RESULT P3 rate=<median events/s> latency_ms=<latency>}, and with {@code ambiguous_permille=<N>}
 * when N is not 0.
 */
public final class PaymentDrainBenchmark {

    private static final long STALL_NANOS = 120_000_000_000L;

    private static int steadyRate;
    private static int steadySeconds;

    private PaymentDrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = Options.parse(args, Map.of("events", 100_000, "latency-ms", 0, "runs", 3,
                "ambiguous-permille", 0, "steady-rate", 0, "steady-seconds", 60));
        steadyRate = options.get("steady-rate");
        steadySeconds = options.get("steady-seconds");
        int events = options.get("events");
        int latency = options.get("latency-ms");
        int ambiguous = options.get("ambiguous-permille");
        Path root = Path.of(System.getProperty("comanda.root", "..")).toAbsolutePath().normalize();
        Path work = root.resolve("benchmark/target/drain");
        Files.createDirectories(work.resolve("logs"));
        List<Double> rates = new ArrayList<>();
        try (PostgresServer postgres = PostgresServer.start(work.resolve("postgres"), 0, true, work.resolve("logs/postgres.log"))) {
            for (int run = 1; run <= options.get("runs"); run++) {
                System.out.printf("[benchmark] run %d of %d: %d OrderPlaced, Stripe latency %d ms, %d per mille of "
                        + "creates ambiguous, load %s%n", run, options.get("runs"), events, latency, ambiguous, load());
                rates.add(run(root, work, postgres, "payments_" + run, events, latency, ambiguous));
            }
        }
        rates.sort(Double::compare);
        double median = rates.get(rates.size() / 2);
        System.out.printf(Locale.ROOT, "[benchmark] rates %s events/s; median %.0f%n",
                rates.stream().map(rate -> String.format(Locale.ROOT, "%.0f", rate)).toList(), median);
        System.out.printf(Locale.ROOT, "RESULT P3 rate=%.0f latency_ms=%d%s%n", median, latency,
                ambiguous == 0 ? "" : " ambiguous_permille=" + ambiguous);
    }

    private static double run(Path root, Path work, PostgresServer postgres, String database, int events, int latency,
                              int ambiguous) throws Exception {
        // A broker keeps its data between starts; each run begins with an empty one.
        MachineCache.deleteRecursively(work.resolve("kafka"));
        postgres.createDatabase(database);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"));
             ProcessPart stripe = StripeEmulatorProcess.start(work.resolve("stripe-emulator"), Ports.free(), "512m",
                     Duration.ofMillis(latency), work.resolve("logs/stripe-emulator.log"))) {
            kafka.createTopics(Map.of(Topic.ORDERS.topicName(), Topic.DEFAULT_PARTITIONS));
            if (ambiguous > 0) {
                StackHttp.send(HttpRequest.newBuilder(URI.create(stripe.address() + "/_emulator/faults"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"latencyMs\": " + latency + ", \"ambiguousRate\": " + ambiguous / 1000.0
                                        + ", \"ambiguousKinds\": [\"executedThen500\"], \"seed\": 7}")).build());
            }
            // Every synthetic order is paid with a card that pays: each must be charged once. Placed just now, as
            // a backlog is: an order placed more than a day ago is one whose key Stripe may have forgotten, and is
            // looked up before it is charged.
            Instant now = Instant.now();
            List<OrderPlaced> placed = new SyntheticOrders(events, 1000, "drain-customer-0").placements().stream()
                    .map(order -> new OrderPlaced(order.orderId(), order.customerId(), order.items(), order.total(),
                            order.paymentMethod(), now, order.note(), order.version())).toList();
            EventBacklog.publish(kafka.bootstrapServers(), placed);
            try (QuarkusAppProcess payments = QuarkusAppProcess.start("payments-service", root.resolve("payments-service"),
                    Ports.free(), "512m", Map.of(
                            "QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(database),
                            "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database),
                            "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                            "COMANDA_STRIPE_API_BASE", stripe.address(),
                            // The payment-state API's token issuer: nothing calls that API here, so no realm runs.
                            "QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:" + Ports.free() + "/realms/comanda",
                            "QUARKUS_OTEL_SDK_DISABLED", "true"),
                    work.resolve("logs/payments-service-" + database + ".log"))) {
                Map<String, Long> parts = new LinkedHashMap<>();
                parts.put("payments-service", payments.pid().orElseThrow());
                parts.put("postgresql", postgres.pid().orElseThrow());
                parts.put("stripe-emulator", stripe.pid().orElseThrow());
                parts.put("benchmark+kafka (JVM)", ProcessCpu.self());
                double rate = measure(postgres, database, events, ProcessCpu.of(parts));
                verify(postgres, database, events, stripe);
                if (steadyRate > 0) {
                    SteadyPayments.measure(kafka.bootstrapServers(), postgres, database, stripe.address(), steadyRate,
                            steadySeconds, events);
                }
                return rate;
            }
        }
    }

    /** Samples the drain until done; prints the window's rate and CPU; answers the rate. */
    private static double measure(PostgresServer postgres, String database, int events, ProcessCpu cpu) throws Exception {
        long low = events / 10;
        long high = events - events / 10;
        Sample previous = new Sample(System.nanoTime(), 0);
        Sample atLow = null;
        Sample atHigh = null;
        Map<String, Double> cpuAtLow = null;
        Map<String, Double> cpuAtHigh = null;
        long lastProgress = previous.nanos();
        try (Connection connection = postgres.connect(database)) {
            while (previous.count() < events && System.nanoTime() - lastProgress < STALL_NANOS) {
                Thread.sleep(250);
                Sample now = new Sample(System.nanoTime(), payments(connection));
                if (atLow == null && now.count() >= low) {
                    atLow = previous.towards(now, low);
                    cpuAtLow = cpu.snapshot();
                }
                if (atHigh == null && now.count() >= high) {
                    atHigh = previous.towards(now, high);
                    cpuAtHigh = cpu.snapshot();
                    System.out.printf("[benchmark] 90 %% done, load %s%n", load());
                }
                if (now.count() > previous.count()) {
                    lastProgress = now.nanos();
                }
                previous = now;
            }
        }
        if (atHigh == null) {
            throw new IllegalStateException("the drain stalled at " + previous.count() + " of " + events + " payments");
        }
        double rate = (high - low) / ((atHigh.nanos() - atLow.nanos()) / 1e9);
        System.out.printf(Locale.ROOT, "[benchmark] drained %d to %d of %d in %.1f s: %.0f events/s%n",
                low, high, events, (atHigh.nanos() - atLow.nanos()) / 1e9, rate);
        ProcessCpu.print(cpuAtLow, cpuAtHigh, high - low, "events");
        return rate;
    }

    /** Every order paid once, announced once, charged once: a fast drain that breaks that is worth nothing. */
    private static void verify(PostgresServer postgres, String database, int events, ProcessPart stripe)
            throws Exception {
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*), count(distinct order_id), "
                     + "(select count(*) from outbox), (select count(*) from inbox) from payment")) {
            rs.next();
            // paymentIntents, chargedOrders, ordersChargedTwice and replays, as the emulator counts them
            String summary = StackHttp.get(stripe.address() + "/_emulator/summary").body();
            System.out.printf("[benchmark] payments %d for %d orders, outbox rows %d, inbox rows %d; Stripe emulator %s%n",
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), summary);
            boolean once = rs.getLong(1) == events && rs.getLong(2) == events && rs.getLong(3) == events
                    && summary.contains("\"chargedOrders\":" + events + ",") && summary.contains("\"ordersChargedTwice\":0,");
            if (!once) {
                throw new IllegalStateException("exactly-once broken: expected " + events + " of each, once");
            }
        }
    }

    private static long payments(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from payment")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private record Sample(long nanos, long count) {

        /** When the count passed {@code target} between this sample and {@code next}, linearly. */
        Sample towards(Sample next, long target) {
            double share = next.count == count ? 1 : (double) (target - count) / (next.count - count);
            return new Sample(nanos + (long) ((next.nanos - nanos) * share), target);
        }
    }
}
