package io.comanda.devstack.cli;

import io.comanda.devstack.parts.ConnectGroup;
import io.comanda.devstack.parts.ConnectWorker;
import io.comanda.devstack.parts.KafkaProcess;
import io.comanda.devstack.parts.KafkaQuorum;
import io.comanda.devstack.parts.KafkaTopics;
import io.comanda.devstack.parts.KeycloakServer;
import io.comanda.devstack.parts.MachineCache;
import io.comanda.devstack.parts.ManagedPart;
import io.comanda.devstack.parts.PartInstance;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.ProcessPart;
import io.comanda.devstack.parts.QuarkusAppProcess;
import io.comanda.devstack.parts.RestartablePart;
import io.comanda.devstack.parts.SmtpProcess;
import io.comanda.devstack.parts.StackPart;
import io.comanda.devstack.parts.StackPorts;
import io.comanda.devstack.parts.StripeEmulatorProcess;
import io.comanda.devstack.parts.ZipkinServer;
import org.apache.kafka.common.Uuid;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.comanda.devstack.parts.StackPart.CONNECT;
import static io.comanda.devstack.parts.StackPart.KAFKA;
import static io.comanda.devstack.parts.StackPart.KEYCLOAK;
import static io.comanda.devstack.parts.StackPart.NOTIFICATIONS;
import static io.comanda.devstack.parts.StackPart.ORDERS;
import static io.comanda.devstack.parts.StackPart.PAYMENTS;
import static io.comanda.devstack.parts.StackPart.POSTGRES;
import static io.comanda.devstack.parts.StackPart.SEARCH;
import static io.comanda.devstack.parts.StackPart.SMTP;
import static io.comanda.devstack.parts.StackPart.STRIPE;
import static io.comanda.devstack.parts.StackPart.ZIPKIN;

/**
 * The whole Comanda suite on one machine, what {@code ./comanda up} runs: each part its own process,
 * on fixed ports, with the same part classes the tests use: PostgreSQL (a database per service), a
 * Kafka broker, a Kafka Connect worker with every outbox connector, Keycloak with the realm, an SMTP
 * server whose mailboxes a mail client reads over IMAP, the Stripe emulator, the Zipkin trace store and
 * the four services. Data lives in {@code .comanda/data} and survives a restart. Once up, each part can
 * be stopped, started again, restarted or killed on its own ({@link RestartablePart}); the death of one
 * never stops the rest. In {@link StackMode#CLUSTER cluster mode} ({@code ./comanda up --cluster}) it runs
 * three brokers, two Connect workers and two instances of each service instead, each under its own name.
 */
public final class LocalStack implements AutoCloseable {

    // Each service's fixed heap: their live data is a few tens of MiB, and a dozen JVMs share the machine.
    private static final String SERVICE_HEAP = "128m";
    // The emulator keeps every charge in memory, as Stripe keeps them, about 3 KB each: a 30-minute soak at
    // 20 orders/s holds 36,000 of them, and listing them for its accounting ran 128 MB out of memory.
    private static final String STRIPE_HEAP = "384m";
    private static final List<String> OUTBOX_CONNECTORS = List.of("orders-outbox", "payments-outbox");

    private final Path root;
    private final StackPorts ports;
    private final StackMode mode;
    private final StartedParts parts;

    private LocalStack(Path root, StackPorts ports, StackMode mode, PrintStream out) {
        this.root = root;
        this.ports = ports;
        this.mode = mode;
        this.parts = new StartedParts(out);
    }

    /** Where a stack started from the repository at {@code root} keeps its data, logs and PID file. */
    public static Path home(Path root) {
        return root.resolve(".comanda");
    }

    /** Starts every part, stopping what started when one fails. */
    public static LocalStack start(Path root, StackPorts ports, boolean fresh, PrintStream out) {
        return start(root, ports, StackMode.SINGLE, fresh, out);
    }

    /** How many instances of each part it runs. */
    StackMode mode() {
        return mode;
    }

    /** The same, with as many instances of each part as {@code mode} runs. */
    static LocalStack start(Path root, StackPorts ports, StackMode mode, boolean fresh, PrintStream out) {
        LocalStack stack = new LocalStack(root, ports, mode, out);
        try {
            stack.startAll(fresh);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * The running parts in the order of the {@link StackPart catalogue}, each part's instances together: data
     * path first, then the parts beside it, then the services; one order whatever finished starting first,
     * since several start at once.
     */
    public List<ManagedPart> parts() {
        return parts.inStartOrder().stream()
                .sorted(Comparator.comparing(ManagedPart::name, PartInstance.tableOrder())).toList();
    }

    /** Every part under the operator's control, in the same order as {@link #parts()}. */
    List<RestartablePart<?>> controlled() {
        return parts.controlled().stream()
                .sorted(Comparator.comparing(RestartablePart::name, PartInstance.tableOrder())).toList();
    }

    private void startAll(boolean fresh) {
        settleLogManager();
        if (fresh) {
            MachineCache.deleteRecursively(home(root).resolve(mode.dataFolder()));
        }
        // Keycloak takes longest, and the small parts need nothing else: they start while the data path
        // (PostgreSQL, Kafka, Connect, one after the other) comes up.
        CompletableFuture<KeycloakServer> keycloak = parts.startAsync(KEYCLOAK, ports.of(KEYCLOAK),
                () -> KeycloakServer.start(directory(KEYCLOAK), ports.of(KEYCLOAK), log(KEYCLOAK)));
        CompletableFuture<ZipkinServer> zipkin = parts.startAsync(ZIPKIN, ports.of(ZIPKIN),
                () -> ZipkinServer.start(directory(ZIPKIN), ports.of(ZIPKIN), log(ZIPKIN)));
        CompletableFuture<SmtpProcess> smtp = parts.startAsync(SMTP, ports.of(SMTP),
                () -> SmtpProcess.start(directory(SMTP), ports.of(SMTP), ports.of(SMTP.imapPortKey()), log(SMTP)));
        CompletableFuture<ProcessPart> stripe = parts.startAsync(STRIPE, ports.of(STRIPE),
                () -> StripeEmulatorProcess.start(directory(STRIPE), ports.of(STRIPE), STRIPE_HEAP, Duration.ZERO,
                        log(STRIPE)));
        PostgresServer postgres;
        ConnectWorker connect;
        try {
            postgres = parts.startPart(POSTGRES, ports.of(POSTGRES), () -> PostgresServer.start(directory(POSTGRES),
                    ports.of(POSTGRES), false, log(POSTGRES), mode.databaseConnections()));
            StackPart.services().forEach(service -> postgres.createDatabase(service.operatorName()));
            startKafka();
            connect = startConnect(postgres);
        } finally {
            // Whatever happened, every part started so far must be known before close() stops them.
            StartedParts.settled(keycloak, zipkin, smtp, stripe);
        }
        StartedParts.joined(keycloak, zipkin, smtp, stripe);
        startServices(postgres, connect, keycloak.join(), smtp.join(), zipkin.join());
    }

    /**
     * Every broker at once, then the catalogue's topics: a broker of a cluster is ready only once a majority
     * of the brokers runs, so none of them may wait for its own readiness before the others start.
     */
    private void startKafka() {
        List<PartInstance> brokers = mode.instances(KAFKA);
        List<CompletableFuture<KafkaProcess>> started;
        if (brokers.size() == 1) {
            PartInstance broker = brokers.get(0);
            started = List.of(parts.startAsync(broker, broker.port(ports), () -> KafkaProcess.start(
                    directory(broker), broker.port(ports), broker.otherPort(ports, KAFKA.controllerPortKey()),
                    log(broker))));
        } else {
            KafkaQuorum quorum = quorum(brokers);
            started = brokers.stream().map(broker -> parts.startAsync(broker, broker.port(ports),
                    () -> KafkaProcess.startNode(broker.partName(), directory(broker), quorum, broker.number(),
                            log(broker)))).toList();
        }
        StartedParts.joined(started);
        KafkaTopics.createMissing(mode.kafkaBootstrapServers(ports), KafkaTopics.catalogue(), mode.durability());
    }

    /** The brokers as one quorum; the cluster's id is the one a broker was formatted with, else a new one. */
    private KafkaQuorum quorum(List<PartInstance> brokers) {
        String clusterId = brokers.stream().flatMap(broker -> KafkaProcess.clusterIdOf(directory(broker)).stream())
                .findFirst().orElseGet(() -> Uuid.randomUuid().toString());
        return new KafkaQuorum(clusterId, brokers.stream().map(broker -> new KafkaQuorum.Node(broker.number(),
                broker.port(ports), broker.otherPort(ports, KAFKA.controllerPortKey()))).toList());
    }

    /**
     * The Connect workers, one after the other, in one group; the first is returned: a connector registered
     * with it runs on whichever worker the group chooses.
     */
    private ConnectWorker startConnect(PostgresServer database) {
        ConnectGroup group = mode.connectGroup();
        String bootstrapServers = mode.kafkaBootstrapServers(ports);
        List<ConnectWorker> workers = new ArrayList<>();
        for (PartInstance instance : mode.instances(CONNECT)) {
            RestartablePart<ConnectWorker> worker = parts.start(instance, instance.port(ports),
                    () -> ConnectWorker.start(instance.partName(), group, bootstrapServers, database.host(),
                            database.port(), directory(instance), instance.port(ports), log(instance)));
            worker.afterStartAgain(LocalStack::restoreConnectors);
            workers.add(worker.current().orElseThrow());
        }
        return workers.get(0);
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
                && LocalStack.class.getClassLoader().getResource(jboss.replace('.', '/') + ".class") != null) {
            System.setProperty("java.util.logging.manager", jboss);
        }
        java.util.logging.LogManager.getLogManager();
    }

    private void startServices(PostgresServer postgres, ConnectWorker connect, KeycloakServer realm, SmtpProcess smtp,
                               ZipkinServer zipkin) {
        ServiceEnvironments environments = new ServiceEnvironments(ports, postgres,
                mode.kafkaBootstrapServers(ports), mode.durability(), realm, smtp, zipkin);
        // The services depend on the parts, not on each other: they start together, which on two cores still
        // overlaps one's waits (migrations, broker, token issuer) with another's work.
        List<CompletableFuture<QuarkusAppProcess>> relayed = new ArrayList<>(services(ORDERS, environments));
        relayed.addAll(services(PAYMENTS, environments));
        List<CompletableFuture<QuarkusAppProcess>> others = new ArrayList<>(services(NOTIFICATIONS, environments));
        others.addAll(services(SEARCH, environments));
        try {
            StartedParts.joined(relayed);
            // The outbox tables and their publications exist now: the relay can start reading them.
            parts.timed("outbox connectors", () -> {
                OUTBOX_CONNECTORS.forEach(connect::register);
                return null;
            });
        } finally {
            StartedParts.settled(others);
        }
        StartedParts.joined(others);
    }

    /** A worker started again runs the outbox connectors it kept, or registers the ones it lost. */
    private static void restoreConnectors(ConnectWorker worker) {
        OUTBOX_CONNECTORS.forEach(worker::restore);
    }

    private List<CompletableFuture<QuarkusAppProcess>> services(StackPart service, ServiceEnvironments environments) {
        return mode.instances(service).stream().map(instance -> service(instance, environments)).toList();
    }

    /**
     * The first start waits until the service is ready, so that the walkthrough works the moment the stack
     * is up; a start by the operator waits until it serves, since a dependency it waits for (Kafka) may be
     * down on purpose. Every instance of a service has its database, its consumer groups and its heap.
     */
    private CompletableFuture<QuarkusAppProcess> service(PartInstance instance, ServiceEnvironments environments) {
        AtomicBoolean first = new AtomicBoolean(true);
        StackPart service = instance.part();
        Path module = root.resolve(service.partName());
        return parts.startAsync(instance, instance.port(ports), () -> QuarkusAppProcess.start(instance.partName(),
                module, instance.port(ports), instance.otherPort(ports, service.managementPortKey()), SERVICE_HEAP,
                environments.of(service), log(instance),
                first.getAndSet(false) ? QuarkusAppProcess.Awaited.READY : QuarkusAppProcess.Awaited.SERVING));
    }

    private Path directory(StackPart part) {
        return directory(PartInstance.first(part));
    }

    /**
     * Where a part works: a part that keeps its data across restarts in the mode's data folder of
     * {@code .comanda} ({@code data}, {@code cluster-data}), which {@code --fresh} wipes; one that starts
     * empty every time in {@code .comanda/run}.
     */
    private Path directory(PartInstance instance) {
        return instance.part().restart() == StackPart.Restart.KEEPS_DATA
                ? home(root).resolve(mode.dataFolder()).resolve(instance.operatorName())
                : home(root).resolve("run").resolve(instance.partName());
    }

    private Path log(StackPart part) {
        return log(PartInstance.first(part));
    }

    private Path log(PartInstance instance) {
        return home(root).resolve("logs").resolve(instance.partName() + ".log");
    }

    /** Stops every part in the reverse order of its start. */
    @Override
    public void close() {
        parts.close();
    }
}
