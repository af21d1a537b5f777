package io.comanda.devstack.quarkus;

import io.comanda.devstack.parts.ConnectWorker;
import io.comanda.devstack.parts.EmbeddedKafka;
import io.comanda.devstack.parts.KafkaBroker;
import io.comanda.devstack.parts.KafkaProcess;
import io.comanda.devstack.parts.KafkaTopics;
import io.comanda.devstack.parts.KeycloakServer;
import io.comanda.devstack.parts.MachineCache;
import io.comanda.devstack.parts.ManagedPart;
import io.comanda.devstack.parts.Ports;
import io.comanda.devstack.parts.PostgresOutage;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.RestartablePart;
import io.comanda.devstack.parts.SmtpProcess;
import io.comanda.devstack.parts.StackPart;
import io.comanda.devstack.parts.ZipkinServer;
import io.comanda.stripe.emulator.StripeEmulator;

import java.nio.file.Path;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.LongFunction;

/**
 * The real parts of one test JVM, each started at most once, on first demand, and stopped in reverse
 * order when the JVM exits. The test resources of this package are its clients; a test may use it
 * directly to reach a part or to stop and restart the broker, PostgreSQL or the SMTP server.
 *
 * <p>Each part is known by its {@link SharedParts} record, kept by {@link PartRegistry} where every
 * class loader of the JVM sees it. The class loader that started a part stops it, from one shutdown
 * hook that stops its parts in reverse order. A test stops and starts a part again through the same
 * {@link RestartablePart lifecycle} as the launcher's commands, made from the part's record.
 */
public final class TestStack {

    private static final Deque<Runnable> STOP_ACTIONS = new ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestStack::stopAll, "comanda-devstack-stop"));
    }

    private TestStack() {
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
        return PartRegistry.getOrStart(StackPart.KAFKA.partName(), SharedParts.Kafka.class, () -> {
            KafkaBroker kafka;
            SharedParts.KafkaJvm jvm = null;
            if (restartable) {
                Path directory = fresh(StackPart.KAFKA);
                int port = Ports.free();
                int controllerPort = Ports.free();
                KafkaProcess process = KafkaProcess.start(directory, port, controllerPort, logFile(StackPart.KAFKA));
                kafka = process;
                jvm = new SharedParts.KafkaJvm(process.pid().orElseThrow(), port, controllerPort, directory.toString());
                // The broker may be restarted from another class loader: stop whichever process runs then.
                onStop(TestStack::stopKafka);
            } else {
                kafka = EmbeddedKafka.start(fresh(StackPart.KAFKA));
                onStop(kafka::close);
            }
            kafka.createTopics(KafkaTopics.catalogue());
            return new SharedParts.Kafka(kafka.bootstrapServers(), jvm);
        });
    }

    /** Stops the restartable broker, as an outage would: SIGTERM, then SIGKILL after 30 s. */
    public static void stopKafka() {
        kafka().restartable().stop();
    }

    /** Starts the restartable broker again on its port and data, after {@link #stopKafka()}. */
    public static void restartKafka() {
        SharedParts.Kafka kafka = kafka();
        startAgainAndRecord(StackPart.KAFKA, kafka.restartable(), kafka::withPid);
    }

    public static SharedParts.Postgres postgres() {
        return PartRegistry.getOrStart(StackPart.POSTGRES.partName(), SharedParts.Postgres.class, () -> {
            PostgresServer postgres = PostgresServer.start(directory().resolve(StackPart.POSTGRES.partName()), 0, true,
                    logFile(StackPart.POSTGRES));
            // Stops whichever postmaster runs on the data directory then, also one restartPostgres() started.
            onStop(postgres::close);
            long pid = postgres.pid().orElseThrow();
            return new SharedParts.Postgres(postgres.host(), postgres.port(), pid, PostgresOutage.commandOf(pid));
        });
    }

    /** Stops PostgreSQL as an outage would: a fast shutdown, every connection dropped. */
    public static void stopPostgres() {
        postgres().restartable().stop();
    }

    /** Starts PostgreSQL again on its port and data, after {@link #stopPostgres()}; returns once it answers. */
    public static void restartPostgres() {
        SharedParts.Postgres postgres = postgres();
        startAgainAndRecord(StackPart.POSTGRES, postgres.restartable(), postgres::withPid);
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
        return PartRegistry.getOrStart(StackPart.CONNECT.partName(), SharedParts.Connect.class, () -> {
            ConnectWorker worker = ConnectWorker.start(kafka.bootstrapServers(), postgres.host(), postgres.port(),
                    fresh(StackPart.CONNECT), 0, logFile(StackPart.CONNECT));
            onStop(worker::close);
            return new SharedParts.Connect(worker.restUrl(), logFile(StackPart.CONNECT).toString());
        });
    }

    public static SharedParts.Keycloak keycloak() {
        return PartRegistry.getOrStart(StackPart.KEYCLOAK.partName(), SharedParts.Keycloak.class, () -> {
            KeycloakServer keycloak = KeycloakServer.start(fresh(StackPart.KEYCLOAK), 0, logFile(StackPart.KEYCLOAK));
            onStop(keycloak::close);
            return new SharedParts.Keycloak(keycloak.url(), keycloak.realmUrl());
        });
    }

    /**
     * The SMTP server of this run, in its own JVM so that tests can stop and restart it
     * ({@link #stopSmtp()}, {@link #restartSmtp()}); what it receives is readable over IMAP.
     */
    public static SharedParts.Smtp smtp() {
        return PartRegistry.getOrStart(StackPart.SMTP.partName(), SharedParts.Smtp.class, () -> {
            SmtpProcess smtp = SmtpProcess.start(fresh(StackPart.SMTP), Ports.free(), Ports.free(),
                    logFile(StackPart.SMTP));
            // The server may be restarted from another class loader: stop whichever process runs then.
            onStop(TestStack::stopSmtp);
            return new SharedParts.Smtp(smtp.host(), smtp.port(), smtp.imapPort(), smtp.pid().orElseThrow());
        });
    }

    /** Stops the SMTP server, as an outage would: mail sent meanwhile is refused. */
    public static void stopSmtp() {
        smtp().restartable().stop();
    }

    /** Starts the SMTP server again on its ports, after {@link #stopSmtp()}; it starts with empty mailboxes. */
    public static void restartSmtp() {
        SharedParts.Smtp smtp = smtp();
        startAgainAndRecord(StackPart.SMTP, smtp.restartable(), smtp::withPid);
    }

    /** The Stripe emulator, in-process; tests steer it through its {@code /_emulator} endpoints. */
    public static SharedParts.Stripe stripe() {
        return PartRegistry.getOrStart(StackPart.STRIPE.partName(), SharedParts.Stripe.class, () -> {
            StripeEmulator emulator = StripeEmulator.start(0);
            onStop(emulator::close);
            return new SharedParts.Stripe(emulator.apiBase());
        });
    }

    /** The Zipkin trace store, in its own JVM; tests read traces back through the clients' {@code ZipkinTraces}. */
    public static SharedParts.Zipkin zipkin() {
        return PartRegistry.getOrStart(StackPart.ZIPKIN.partName(), SharedParts.Zipkin.class, () -> {
            ZipkinServer zipkin = ZipkinServer.start(fresh(StackPart.ZIPKIN), 0, logFile(StackPart.ZIPKIN));
            onStop(zipkin::close);
            return new SharedParts.Zipkin(zipkin.url(), zipkin.spansEndpoint());
        });
    }

    /**
     * Starts a stopped {@code part} again through its lifecycle, and records its new process for every class
     * loader. A part that still runs is refused rather than stopped: its recorded PID may by now name another
     * process, which only a stop the test asked for may signal.
     */
    private static void startAgainAndRecord(StackPart part, RestartablePart<ManagedPart> lifecycle,
                                            LongFunction<Record> recordWithPid) {
        if (!lifecycle.start()) {
            throw new IllegalStateException(part.partName() + " still runs: stop it first");
        }
        synchronized (System.getProperties()) {
            PartRegistry.put(part.partName(), recordWithPid.apply(lifecycle.pid().orElseThrow()));
        }
    }

    private static Path fresh(StackPart part) {
        Path path = directory().resolve(part.operatorName());
        MachineCache.deleteRecursively(path);
        return path;
    }

    static Path logFile(StackPart part) {
        return directory().resolve("logs").resolve(part.partName() + ".log");
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
