package io.comanda.benchmark;

import io.comanda.devstack.EventProducer;
import io.comanda.devstack.parts.EmbeddedKafka;
import io.comanda.devstack.parts.Ports;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.QuarkusAppProcess;
import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import io.comanda.events.Topic;
import io.comanda.stripe.emulator.StripeEmulator;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * How fast payments-service drains a backlog: N {@code OrderPlaced} events are published before the
 * packaged service starts; the clock runs from its readiness until N payments are recorded (each one
 * charged through the Stripe emulator, with its inbox entry and outbox row).
 *
 * <p>Arguments: {@code --events 10000}.
 */
public final class PaymentDrainBenchmark {

    private PaymentDrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Options.parse(args, Map.of("events", 10_000)).get("events");
        Path root = Path.of(System.getProperty("comanda.root", "..")).toAbsolutePath().normalize();
        Path work = root.resolve("benchmark/target/drain");
        try (PostgresServer postgres = PostgresServer.start(work.resolve("postgres"), 0, true, work.resolve("logs/postgres.log"));
             EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"));
             StripeEmulator stripe = StripeEmulator.start(0)) {
            postgres.createDatabase("payments");
            kafka.createTopics(Map.of(Topic.ORDERS.topicName(), Topic.DEFAULT_PARTITIONS));
            System.out.printf("[benchmark] publishing a backlog of %d OrderPlaced ...%n", events);
            try (EventProducer producer = new EventProducer(kafka.bootstrapServers())) {
                for (int i = 0; i < events; i++) {
                    producer.send(new OrderPlaced(UUID.randomUUID(), "drain-customer",
                            List.of(new LineItem("ESPRESSO-250G", 1, Money.of(1299, "EUR"))), Money.of(1299, "EUR"),
                            "pm_card_visa", Instant.now()), UUID.randomUUID(), "drain-" + i);
                }
            }
            System.out.println("[benchmark] starting payments-service ...");
            try (QuarkusAppProcess payments = QuarkusAppProcess.start("payments-service", root.resolve("payments-service"),
                    Ports.free(), "512m", Map.of(
                            "QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl("payments"),
                            "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("payments"),
                            "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                            "COMANDA_STRIPE_API_BASE", stripe.apiBase(),
                            "QUARKUS_OTEL_SDK_DISABLED", "true"),
                    work.resolve("logs/payments-service.log"))) {
                long start = System.nanoTime();
                long recorded = 0;
                while (recorded < events) {
                    Thread.sleep(200);
                    recorded = payments(postgres);
                    if (System.nanoTime() - start > 600_000_000_000L) {
                        break;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.println();
                System.out.printf(Locale.ROOT, "payments-service drained %d of %d OrderPlaced in %.1f s: %.0f events/s%n",
                        recorded, events, seconds, recorded / seconds);
            }
        }
    }

    private static long payments(PostgresServer postgres) throws Exception {
        try (Connection connection = postgres.connect("payments"); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from payment")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
