package io.comanda.devstack.cli;

import io.comanda.devstack.parts.ConnectWorker;
import io.comanda.devstack.parts.JavaCommand;
import io.comanda.devstack.parts.KafkaProcess;
import io.comanda.devstack.parts.KafkaTopics;
import io.comanda.devstack.parts.KeycloakServer;
import io.comanda.devstack.parts.MachineCache;
import io.comanda.devstack.parts.ManagedPart;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.ProcessPart;
import io.comanda.devstack.parts.ProcessSpec;
import io.comanda.devstack.parts.QuarkusAppProcess;
import io.comanda.devstack.parts.ReadinessProbe;
import io.comanda.devstack.parts.RuntimeClasspath;
import io.comanda.devstack.parts.SmtpProcess;
import io.comanda.devstack.parts.StackPorts;
import io.comanda.devstack.parts.ZipkinServer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The whole Comanda suite on one machine, what {@code ./comanda up} runs: each part its own process,
 * on fixed ports, with the same part classes the tests use: PostgreSQL (a database per service), a
 * Kafka broker, a Kafka Connect worker with every outbox connector, Keycloak with the realm, an SMTP
 * server whose mailboxes a mail client reads over IMAP, the Stripe emulator, the Zipkin trace store and
 * the four services. Data lives in {@code .comanda/data} and survives a restart. Once up, each part can
 * be stopped, started again, restarted or killed on its own ({@link ControlledPart}); the death of one
 * never stops the rest.
 */
public final class ComandaStack implements AutoCloseable {

    // Each service's fixed heap: their live data is a few tens of MiB, and a dozen JVMs share the machine.
    private static final String SERVICE_HEAP = "128m";
    private static final List<String> PART_ORDER = List.of("postgres", "kafka", "kafka-connect", "stripe-emulator",
            "smtp", "zipkin", "keycloak", "orders-service", "payments-service", "notifications-service", "search-indexer");
    private static final List<String> OUTBOX_CONNECTORS = List.of("orders-outbox", "payments-outbox");
    private static final List<String> SERVICES_WITH_DATABASE = List.of("orders", "payments", "notifications", "search");

    private final Path root;
    private final StackPorts ports;
    private final StartedParts parts;

    private ComandaStack(Path root, StackPorts ports, PrintStream out) {
        this.root = root;
        this.ports = ports;
        this.parts = new StartedParts(out);
    }

    /** Where a stack started from the repository at {@code root} keeps its data, logs and PID file. */
    public static Path home(Path root) {
        return root.resolve(".comanda");
    }

    /** Starts every part, stopping what started when one fails. */
    public static ComandaStack start(Path root, StackPorts ports, boolean fresh, PrintStream out) {
        ComandaStack stack = new ComandaStack(root, ports, out);
        try {
            stack.startAll(fresh);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * The running parts, data path first, then the parts beside it, then the services: one order whatever
     * finished starting first, since several start at once.
     */
    public List<ManagedPart> parts() {
        return parts.inStartOrder().stream()
                .sorted(Comparator.comparingInt(ComandaStack::tablePosition)).toList();
    }

    /** Every part under the operator's control, in the same order as {@link #parts()}. */
    List<ControlledPart<?>> controlled() {
        return parts.controlled().stream().sorted(Comparator.comparingInt(
                part -> part.current().map(ComandaStack::tablePosition).orElse(PART_ORDER.size()))).toList();
    }

    private static int tablePosition(ManagedPart part) {
        int position = PART_ORDER.indexOf(part.name());
        return position < 0 ? PART_ORDER.size() : position;
    }

    private void startAll(boolean fresh) {
        Path data = home(root).resolve("data");
        settleLogManager();
        if (fresh) {
            MachineCache.deleteRecursively(data);
        }
        // Keycloak takes longest, and the small parts need nothing else: they start while the data path
        // (PostgreSQL, Kafka, Connect, one after the other) comes up.
        CompletableFuture<KeycloakServer> keycloak = parts.startAsync("Keycloak", "keycloak", ports.of("keycloak"),
                () -> KeycloakServer.start(data.resolve("keycloak"), ports.of("keycloak"), log("keycloak")));
        CompletableFuture<ZipkinServer> zipkin = parts.startAsync("Zipkin", "zipkin", ports.of("zipkin"),
                () -> ZipkinServer.start(home(root).resolve("run").resolve("zipkin"), ports.of("zipkin"), log("zipkin")));
        CompletableFuture<SmtpProcess> smtp = parts.startAsync("SMTP and IMAP", "smtp", ports.of("smtp"),
                () -> SmtpProcess.start(home(root).resolve("run").resolve("smtp"), ports.of("smtp"), ports.of("imap"),
                        log("smtp")));
        CompletableFuture<ProcessPart> stripe = parts.startAsync("Stripe emulator", "stripe", ports.of("stripe"),
                () -> javaPart("stripe-emulator", ports.of("stripe"), "http://127.0.0.1:",
                        "io.comanda.stripe.emulator.StripeEmulator", "--port", Integer.toString(ports.of("stripe"))));
        PostgresServer postgres;
        KafkaProcess kafka;
        ConnectWorker connect;
        try {
            postgres = parts.startPart("PostgreSQL", "postgres", ports.of("postgres"),
                    () -> PostgresServer.start(data.resolve("postgres"), ports.of("postgres"), false, log("postgres")));
            SERVICES_WITH_DATABASE.forEach(postgres::createDatabase);
            kafka = parts.startPart("Kafka", "kafka", ports.of("kafka"), () -> KafkaProcess.start(data.resolve("kafka"),
                    ports.of("kafka"), ports.of("kafka-controller"), log("kafka")));
            kafka.createTopics(KafkaTopics.catalogue());
            KafkaProcess broker = kafka;
            PostgresServer database = postgres;
            ControlledPart<ConnectWorker> worker = parts.start("Kafka Connect", "connect", ports.of("connect"),
                    () -> ConnectWorker.start(broker.bootstrapServers(), database.host(), database.port(),
                            data.resolve("connect"), ports.of("connect"), log("kafka-connect")));
            worker.afterStartAgain(ComandaStack::restoreConnectors);
            connect = worker.current().orElseThrow();
        } finally {
            // Whatever happened, every part started so far must be known before close() stops them.
            StartedParts.settled(keycloak, zipkin, smtp, stripe);
        }
        StartedParts.joined(keycloak, zipkin, smtp, stripe);
        startServices(postgres, kafka, connect, keycloak.join(), smtp.join(), zipkin.join());
    }

    /**
     * java.util.logging's manager initialises once per JVM. PostgreSQL's start (JBoss LogManager, which the
     * embedded parts bring) and Keycloak's readiness probe (the HTTP client) both trigger it; racing from
     * two threads they deadlock in its class initialisers. Settle it before the second thread exists, as
     * the manager that is on the classpath wants to be chosen.
     */
    private static void settleLogManager() {
        String jboss = "org.jboss.logmanager.LogManager";
        if (System.getProperty("java.util.logging.manager") == null
                && ComandaStack.class.getClassLoader().getResource(jboss.replace('.', '/') + ".class") != null) {
            System.setProperty("java.util.logging.manager", jboss);
        }
        java.util.logging.LogManager.getLogManager();
    }

    private void startServices(PostgresServer postgres, KafkaProcess kafka, ConnectWorker connect,
                               KeycloakServer realm, SmtpProcess smtp, ZipkinServer zipkin) {
        Map<String, String> common = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "QUARKUS_OIDC_AUTH_SERVER_URL", realm.realmUrl(),
                // Every span to the local trace store, soon enough for ./comanda trace right after an order.
                "COMANDA_TRACING_EXPORTER", "zipkin",
                "COMANDA_TRACING_ZIPKIN_ENDPOINT", zipkin.spansEndpoint(),
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s",
                // Readable lines in the logs of .comanda/logs, though the services run their production build.
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        Map<String, String> payments = new LinkedHashMap<>(withDatabase(common, postgres, "payments"));
        payments.put("COMANDA_STRIPE_API_BASE", "http://127.0.0.1:" + ports.of("stripe"));
        // The emulator's search is consistent at once, where Stripe's lags: an order whose charge answered 500
        // need not wait a minute before its PaymentIntent is looked up.
        payments.put("COMANDA_STRIPE_SEARCH_CONSISTENCY", "0s");
        Map<String, String> notifications = new LinkedHashMap<>(withDatabase(common, postgres, "notifications"));
        // Keycloak's admin API gives the recipients' addresses; the realm URL follows from it.
        notifications.put("COMANDA_KEYCLOAK_URL", realm.url());
        notifications.put("QUARKUS_MAILER_HOST", smtp.host());
        notifications.put("QUARKUS_MAILER_PORT", Integer.toString(smtp.port()));
        // The services depend on the parts, not on each other: they start together, which on two cores still
        // overlaps one's waits (migrations, broker, token issuer) with another's work.
        Map<String, String> orders = new LinkedHashMap<>(withDatabase(common, postgres, "orders"));
        // Reconciliation asks payments-service about orders left PENDING.
        orders.put("COMANDA_PAYMENTS_URL", "http://127.0.0.1:" + ports.of("payments"));
        CompletableFuture<?> order = service("orders-service", "orders", orders);
        CompletableFuture<?> payment = service("payments-service", "payments", payments);
        CompletableFuture<?> notification = service("notifications-service", "notifications", notifications);
        CompletableFuture<?> search = service("search-indexer", "search", withDatabase(common, postgres, "search"));
        try {
            StartedParts.joined(order, payment);
            // The outbox tables and their publications exist now: the relay can start reading them.
            parts.timed("outbox connectors", () -> {
                OUTBOX_CONNECTORS.forEach(connect::register);
                return null;
            });
        } finally {
            StartedParts.settled(notification, search);
        }
        StartedParts.joined(notification, search);
    }

    private Map<String, String> withDatabase(Map<String, String> common, PostgresServer postgres, String database) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(database));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        return env;
    }

    /** A worker started again runs the outbox connectors it kept, or registers the ones it lost. */
    private static void restoreConnectors(ConnectWorker worker) {
        OUTBOX_CONNECTORS.forEach(worker::restore);
    }

    /**
     * The first start waits until the service is ready, so that the walkthrough works the moment the stack
     * is up; a start by the operator waits until it serves, since a dependency it waits for (Kafka) may be
     * down on purpose.
     */
    private CompletableFuture<QuarkusAppProcess> service(String module, String port, Map<String, String> environment) {
        AtomicBoolean first = new AtomicBoolean(true);
        return parts.startAsync(module, port, ports.of(port), () -> QuarkusAppProcess.start(module, root.resolve(module),
                ports.of(port), ports.of(port + "-management"), SERVICE_HEAP, environment, log(module),
                first.getAndSet(false) ? QuarkusAppProcess.Awaited.READY : QuarkusAppProcess.Awaited.SERVING));
    }

    /** A small main class of the build's classpath in its own JVM, ready when it listens on {@code port}. */
    private ProcessPart javaPart(String name, int port, String scheme, String mainClass, String... args) {
        Path directory = home(root).resolve("run").resolve(name);
        return ProcessPart.start(new ProcessSpec(name,
                JavaCommand.of(RuntimeClasspath.recorded(), "128m", directory, mainClass, args),
                directory, Map.of(), log(name), scheme + port, ReadinessProbe.listening(port, Duration.ofSeconds(30))));
    }

    private Path log(String name) {
        return home(root).resolve("logs").resolve(name + ".log");
    }

    /** Stops every part in the reverse order of its start. */
    @Override
    public void close() {
        parts.close();
    }
}
