package io.comanda.devstack.quarkus;

import io.comanda.devstack.parts.ConnectWorker;
import io.comanda.devstack.parts.EmbeddedKafka;
import io.comanda.devstack.parts.InProcessPart;
import io.comanda.devstack.parts.KafkaBroker;
import io.comanda.devstack.parts.KafkaProcess;
import io.comanda.devstack.parts.KafkaTopics;
import io.comanda.devstack.parts.KeycloakServer;
import io.comanda.devstack.parts.MachineCache;
import io.comanda.devstack.parts.Ports;
import io.comanda.devstack.parts.PostgresOutage;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.SmtpProcess;
import io.comanda.devstack.parts.ZipkinServer;
import io.comanda.stripe.emulator.StripeEmulator;

import java.nio.file.Path;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * The real parts of one test JVM, each started at most once, on first demand, and stopped in reverse
 * order when the JVM exits. The test resources of this package are its clients; a test may use it
 * directly to reach a part or to stop and restart the broker, PostgreSQL or the SMTP server.
 *
 * <p>Each part is known by its {@link SharedParts} record, kept by {@link PartRegistry} where every
 * class loader of the JVM sees it. The class loader that started a part stops it, from one shutdown
 * hook that stops its parts in reverse order.
 */
public final class SharedStack {

    private static final Deque<Runnable> STOP_ACTIONS = new ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedStack::stopAll, "comanda-devstack-stop"));
    }

    private SharedStack() {
    }

    /** Where the parts of this test run keep their data and logs: the module's {@code target/devstack}. */
    public static Path directory() {
        return Path.of("target", "devstack").toAbsolutePath();
    }

    /** The broker of this run: in-process unless a restartable one was asked for first. */
    public static SharedParts.Kafka kafka() {
        return kafka(false);
    }

    /**
     * @param restartable whether the broker runs in its own JVM, so that tests can stop and restart it
     *                    ({@link #stopKafka()}, {@link #restartKafka()}) on the same port and data
     */
    public static SharedParts.Kafka kafka(boolean restartable) {
        return PartRegistry.getOrStart("kafka", SharedParts.Kafka.class, () -> {
            KafkaBroker kafka;
            SharedParts.KafkaJvm jvm = null;
            if (restartable) {
                Path directory = fresh("kafka");
                int port = Ports.free();
                int controllerPort = Ports.free();
                KafkaProcess process = KafkaProcess.start(directory, port, controllerPort, logFile("kafka"));
                kafka = process;
                jvm = new SharedParts.KafkaJvm(process.pid().orElseThrow(), port, controllerPort, directory.toString());
                // The broker may be restarted from another class loader: stop whichever process runs then.
                onStop(SharedStack::stopKafka);
            } else {
                kafka = EmbeddedKafka.start(fresh("kafka"));
                onStop(kafka::close);
            }
            kafka.createTopics(KafkaTopics.catalogue());
            return new SharedParts.Kafka(kafka.bootstrapServers(), jvm);
        });
    }

    /** Stops the restartable broker, as an outage would: SIGTERM, then SIGKILL after 30 s. */
    public static void stopKafka() {
        stopProcess(restartableKafka().pid());
    }

    /** Starts the restartable broker again on its port and data, after {@link #stopKafka()}. */
    public static void restartKafka() {
        SharedParts.KafkaJvm before = restartableKafka();
        KafkaProcess process = KafkaProcess.start(Path.of(before.directory()), before.port(), before.controllerPort(),
                logFile("kafka"));
        synchronized (System.getProperties()) {
            SharedParts.KafkaJvm now = new SharedParts.KafkaJvm(process.pid().orElseThrow(), before.port(),
                    before.controllerPort(), before.directory());
            PartRegistry.put("kafka", new SharedParts.Kafka(kafka().bootstrapServers(), now));
        }
    }

    public static SharedParts.Postgres postgres() {
        return PartRegistry.getOrStart("postgres", SharedParts.Postgres.class, () -> {
            PostgresServer postgres = PostgresServer.start(directory().resolve("postgres"), 0, true,
                    logFile("postgres"));
            // Stops whichever postmaster runs on the data directory then, also one restartPostgres() started.
            onStop(postgres::close);
            long pid = postgres.pid().orElseThrow();
            return new SharedParts.Postgres(postgres.host(), postgres.port(), pid, PostgresOutage.commandOf(pid));
        });
    }

    /** Stops PostgreSQL as an outage would: a fast shutdown, every connection dropped. */
    public static void stopPostgres() {
        PostgresOutage.stop(postgres().pid());
    }

    /** Starts PostgreSQL again on its port and data, after {@link #stopPostgres()}; returns once it answers. */
    public static void restartPostgres() {
        SharedParts.Postgres before = postgres();
        long pid = PostgresOutage.restart(before.command(), before.host(), before.port(), logFile("postgres"));
        synchronized (System.getProperties()) {
            PartRegistry.put("postgres", new SharedParts.Postgres(before.host(), before.port(), pid, before.command()));
        }
    }

    /** Creates a service's database unless it exists, and returns how the service connects to it. */
    public static SharedParts.Database database(String name) {
        SharedParts.Postgres postgres = postgres();
        PostgresServer.createDatabase(postgres.host(), postgres.port(), name);
        return postgres.database(name);
    }

    /** The Kafka Connect worker with the Debezium plugin, started after the broker and the database. */
    public static SharedParts.Connect connect() {
        SharedParts.Kafka kafka = kafka();
        SharedParts.Postgres postgres = postgres();
        return PartRegistry.getOrStart("connect", SharedParts.Connect.class, () -> {
            ConnectWorker worker = ConnectWorker.start(kafka.bootstrapServers(), postgres.host(), postgres.port(),
                    fresh("connect"), 0, logFile("kafka-connect"));
            onStop(worker::close);
            return new SharedParts.Connect(worker.restUrl(), logFile("kafka-connect").toString());
        });
    }

    public static SharedParts.Keycloak keycloak() {
        return PartRegistry.getOrStart("keycloak", SharedParts.Keycloak.class, () -> {
            KeycloakServer keycloak = KeycloakServer.start(fresh("keycloak"), 0, logFile("keycloak"));
            onStop(keycloak::close);
            return new SharedParts.Keycloak(keycloak.url(), keycloak.realmUrl());
        });
    }

    /**
     * The SMTP server of this run, in its own JVM so that tests can stop and restart it
     * ({@link #stopSmtp()}, {@link #restartSmtp()}); what it receives is readable over IMAP.
     */
    public static SharedParts.Smtp smtp() {
        return PartRegistry.getOrStart("smtp", SharedParts.Smtp.class, () -> {
            SmtpProcess smtp = SmtpProcess.start(fresh("smtp"), Ports.free(), Ports.free(), logFile("smtp"));
            // The server may be restarted from another class loader: stop whichever process runs then.
            onStop(SharedStack::stopSmtp);
            return new SharedParts.Smtp(smtp.host(), smtp.port(), smtp.imapPort(), smtp.pid().orElseThrow());
        });
    }

    /** Stops the SMTP server, as an outage would: mail sent meanwhile is refused. */
    public static void stopSmtp() {
        stopProcess(smtp().pid());
    }

    /** Starts the SMTP server again on its ports, after {@link #stopSmtp()}; it starts with empty mailboxes. */
    public static void restartSmtp() {
        SharedParts.Smtp before = smtp();
        SmtpProcess process = SmtpProcess.start(directory().resolve("smtp"), before.port(), before.imapPort(),
                logFile("smtp"));
        synchronized (System.getProperties()) {
            PartRegistry.put("smtp", new SharedParts.Smtp(before.host(), before.port(), before.imapPort(),
                    process.pid().orElseThrow()));
        }
    }

    /** The Stripe emulator, in-process; tests steer it through its {@code /_emulator} endpoints. */
    public static SharedParts.Stripe stripe() {
        return PartRegistry.getOrStart("stripe", SharedParts.Stripe.class, () -> {
            StripeEmulator emulator = StripeEmulator.start(0);
            InProcessPart stripe = new InProcessPart("stripe-emulator", emulator.apiBase(), emulator);
            onStop(stripe::close);
            return new SharedParts.Stripe(stripe.address());
        });
    }

    /** The Zipkin trace store, in its own JVM; tests read traces back through {@code io.comanda.devstack.clients.ZipkinTraces}. */
    public static SharedParts.Zipkin zipkin() {
        return PartRegistry.getOrStart("zipkin", SharedParts.Zipkin.class, () -> {
            ZipkinServer zipkin = ZipkinServer.start(fresh("zipkin"), 0, logFile("zipkin"));
            onStop(zipkin::close);
            return new SharedParts.Zipkin(zipkin.url(), zipkin.spansEndpoint());
        });
    }

    private static SharedParts.KafkaJvm restartableKafka() {
        SharedParts.KafkaJvm jvm = kafka().process();
        if (jvm == null) {
            throw new IllegalStateException("the broker of this run is in-process; ask for kafka(true) first "
                    + "(KafkaTestResource with restartable=true)");
        }
        return jvm;
    }

    /** SIGTERM, then SIGKILL after 30 s: a part stopped from whichever class loader restarted it last. */
    private static void stopProcess(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }

    private static Path fresh(String part) {
        Path path = directory().resolve(part);
        MachineCache.deleteRecursively(path);
        return path;
    }

    private static Path logFile(String part) {
        return directory().resolve("logs").resolve(part + ".log");
    }

    private static void onStop(Runnable stop) {
        STOP_ACTIONS.push(stop);
    }

    private static void stopAll() {
        for (Runnable stop; (stop = STOP_ACTIONS.poll()) != null; ) {
            try {
                stop.run();
            } catch (RuntimeException e) {
                System.err.println("devstack: stopping a part failed: " + e);
            }
        }
    }
}
