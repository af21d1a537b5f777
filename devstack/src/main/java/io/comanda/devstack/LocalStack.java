package io.comanda.devstack;

import io.comanda.events.Topic;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole suite on one machine, each part its own process, on fixed ports, with the same
 * lifecycle code the tests use: PostgreSQL (a database per service), a Kafka broker, a Kafka Connect
 * worker with every outbox connector, Keycloak with the realm, an SMTP server, the Stripe emulator and
 * the four services. Data lives in {@code .comanda/data} and survives a restart.
 */
public final class LocalStack implements AutoCloseable {

    /** A running part: what it is, where it listens, where it logs. */
    public record Part(String name, String url, Path log, long pid) {
    }

    private static final List<String> SERVICES_WITH_DATABASE = List.of("orders", "payments");

    private final Path root;
    private final StackPorts ports;
    private final PrintStream out;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, Part> parts = new LinkedHashMap<>();

    private LocalStack(Path root, StackPorts ports, PrintStream out) {
        this.root = root;
        this.ports = ports;
        this.out = out;
    }

    public static Path home(Path root) {
        return root.resolve(".comanda");
    }

    /** Starts every part, stopping what started when one fails. */
    public static LocalStack start(Path root, StackPorts ports, boolean fresh, PrintStream out) {
        LocalStack stack = new LocalStack(root, ports, out);
        try {
            stack.startAll(fresh);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** The running parts, in the order they started. */
    public Map<String, Part> parts() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    public Path logs() {
        return home(root).resolve("logs");
    }

    private void startAll(boolean fresh) {
        Path data = home(root).resolve("data");
        if (fresh) {
            MachineCache.deleteRecursively(data);
        }
        // Keycloak takes longest: it starts while the data path comes up.
        CompletableFuture<KeycloakServer> keycloak = CompletableFuture.supplyAsync(() -> timed("Keycloak",
                () -> KeycloakServer.start(data.resolve("keycloak"), ports.of("keycloak"), log("keycloak"))));
        try {
            PostgresServer postgres = timed("PostgreSQL", () -> PostgresServer.start(data.resolve("postgres"),
                    ports.of("postgres"), false, log("postgres")));
            register("postgres", postgres, "postgresql://127.0.0.1:" + postgres.port(), log("postgres"), -1);
            SERVICES_WITH_DATABASE.forEach(postgres::createDatabase);

            KafkaProcess kafka = timed("Kafka", () -> KafkaProcess.start(data.resolve("kafka"), ports.of("kafka"),
                    ports.of("kafka-controller"), log("kafka")));
            register("kafka", kafka, kafka.bootstrapServers(), kafka.process().logFile(), kafka.process().pid());
            Map<String, Integer> topics = new LinkedHashMap<>();
            for (Topic topic : Topic.values()) {
                topics.put(topic.topicName(), Topic.DEFAULT_PARTITIONS);
            }
            kafka.createTopics(topics);

            ConnectWorker connect = timed("Kafka Connect", () -> ConnectWorker.start(kafka.bootstrapServers(),
                    postgres.host(), postgres.port(), data.resolve("connect"), ports.of("connect"), log("kafka-connect")));
            register("kafka-connect", connect, connect.restUrl(), connect.process().logFile(), connect.process().pid());

            ChildProcess stripe = timed("Stripe emulator", () -> javaPart("stripe-emulator",
                    "io.comanda.stripe.emulator.StripeEmulator", "--port", Integer.toString(ports.of("stripe"))));
            awaitPort("Stripe emulator", ports.of("stripe"), stripe);
            register("stripe-emulator", stripe, "http://127.0.0.1:" + ports.of("stripe"), stripe.logFile(), stripe.pid());
            ChildProcess smtp = timed("SMTP", () -> javaPart("smtp", SmtpServerMain.class.getName(),
                    Integer.toString(ports.of("smtp"))));
            awaitPort("SMTP", ports.of("smtp"), smtp);
            register("smtp", smtp, "smtp://127.0.0.1:" + ports.of("smtp"), smtp.logFile(), smtp.pid());

            KeycloakServer realm = keycloak.join();
            register("keycloak", realm, realm.url(), realm.process().logFile(), realm.process().pid());

            Map<String, String> common = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "QUARKUS_OIDC_AUTH_SERVER_URL", realm.realmUrl(),
                    // No trace collector runs locally; compose runs Jaeger.
                    "QUARKUS_OTEL_SDK_DISABLED", "true");
            service("orders-service", "orders", withDatabase(common, postgres, "orders"));
            Map<String, String> payments = new LinkedHashMap<>(withDatabase(common, postgres, "payments"));
            payments.put("COMANDA_STRIPE_API_BASE", "http://127.0.0.1:" + ports.of("stripe"));
            service("payments-service", "payments", payments);
            // The outbox tables and their publications exist now: the relay can start reading them.
            timed("outbox connectors", () -> {
                connect.register("orders-outbox");
                connect.register("payments-outbox");
                return null;
            });
            service("notifications-service", "notifications", common);
            service("search-indexer", "search", common);
        } catch (RuntimeException e) {
            keycloak.thenAccept(KeycloakServer::close);
            throw e;
        }
    }

    private Map<String, String> withDatabase(Map<String, String> common, PostgresServer postgres, String database) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(database));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        return env;
    }

    private void service(String module, String port, Map<String, String> environment) {
        QuarkusAppProcess app = timed(module, () -> QuarkusAppProcess.start(module, root.resolve(module),
                ports.of(port), "384m", environment, log(module)));
        register(module, app, app.url(), app.process().logFile(), app.process().pid());
    }

    private ChildProcess javaPart(String name, String mainClass, String... args) {
        Path directory = home(root).resolve("run").resolve(name);
        return ChildProcess.start(name, JavaCommand.of(RuntimeClasspath.recorded(), "128m", directory, mainClass, args),
                directory, Map.of(), log(name));
    }

    private static void awaitPort(String name, int port, ChildProcess process) {
        Readiness.await(name, Duration.ofSeconds(30), process, () -> Ports.inUse(port));
    }

    private void register(String name, AutoCloseable part, String url, Path log, long pid) {
        started.push(part);
        parts.put(name, new Part(name, url, log, pid));
    }

    private Path log(String name) {
        return logs().resolve(name + ".log");
    }

    private <T> T timed(String name, java.util.function.Supplier<T> start) {
        long begin = System.nanoTime();
        synchronized (out) {
            out.printf("  starting %-22s%n", name);
        }
        T result = start.get();
        synchronized (out) {
            out.printf("  ready    %-22s %5.1f s%n", name, (System.nanoTime() - begin) / 1e9);
        }
        return result;
    }

    /** Stops every part in the reverse order of its start. */
    @Override
    public void close() {
        for (AutoCloseable part; (part = started.poll()) != null; ) {
            try {
                part.close();
            } catch (Exception e) {
                out.println("  stopping " + part.getClass().getSimpleName() + " failed: " + e.getMessage());
            }
        }
    }
}
