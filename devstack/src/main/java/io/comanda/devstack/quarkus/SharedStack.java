package io.comanda.devstack.quarkus;

import io.comanda.devstack.ChildProcess;
import io.comanda.devstack.ConnectWorker;
import io.comanda.devstack.EmbeddedKafka;
import io.comanda.devstack.KafkaBroker;
import io.comanda.devstack.KafkaProcess;
import io.comanda.devstack.Ports;
import io.comanda.devstack.KeycloakServer;
import io.comanda.devstack.MachineCache;
import io.comanda.devstack.PostgresServer;
import io.comanda.devstack.SmtpProcess;
import io.comanda.events.Topic;
import io.comanda.stripe.emulator.StripeEmulator;

import java.nio.file.Path;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * The real parts of one test JVM, each started at most once, on first demand, and stopped in reverse
 * order when the JVM exits.
 *
 * <p>Quarkus may load test resources and test classes through different class loaders, so the
 * coordinates of each started part are kept where every loader sees them: in a JVM-wide system
 * property, as text. The class loader that started a part stops it, from one shutdown hook that stops
 * its parts in reverse order.
 */
public final class SharedStack {

    private static final String PREFIX = "comanda.devstack.";
    private static final Deque<AutoCloseable> STOP_ACTIONS = new ConcurrentLinkedDeque<>();

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
    public static Map<String, String> kafka() {
        return kafka(false);
    }

    /**
     * @param restartable whether the broker runs in its own JVM, so that tests can stop and restart it
     *                    ({@link #stopKafka()}, {@link #restartKafka()}) on the same port and data
     */
    public static Map<String, String> kafka(boolean restartable) {
        return part("kafka", () -> {
            KafkaBroker kafka;
            Map<String, String> coordinates = new LinkedHashMap<>();
            if (restartable) {
                Path directory = fresh("kafka");
                int port = Ports.free();
                int controllerPort = Ports.free();
                KafkaProcess process = KafkaProcess.start(directory, port, controllerPort, logFile("kafka"));
                kafka = process;
                coordinates.put("pid", Long.toString(process.process().pid()));
                coordinates.put("port", Integer.toString(port));
                coordinates.put("controller-port", Integer.toString(controllerPort));
                coordinates.put("directory", directory.toString());
                // The broker may be restarted from another class loader: stop whichever process runs then.
                onStop(SharedStack::stopKafka);
            } else {
                kafka = EmbeddedKafka.start(fresh("kafka"));
                onStop(kafka);
            }
            Map<String, Integer> topics = new LinkedHashMap<>();
            for (Topic topic : Topic.values()) {
                topics.put(topic.topicName(), Topic.DEFAULT_PARTITIONS);
            }
            kafka.createTopics(topics);
            coordinates.put("bootstrap.servers", kafka.bootstrapServers());
            return coordinates;
        });
    }

    /** Stops the restartable broker, as an outage would: SIGTERM, then SIGKILL after 30 s. */
    public static void stopKafka() {
        Map<String, String> kafka = kafka();
        if (!kafka.containsKey("pid")) {
            throw new IllegalStateException("the broker of this run is in-process; ask for kafka(true) first");
        }
        ProcessHandle.of(Long.parseLong(kafka.get("pid"))).ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }

    /** Starts the restartable broker again on its port and data, after {@link #stopKafka()}. */
    public static void restartKafka() {
        Map<String, String> kafka = new LinkedHashMap<>(kafka());
        KafkaProcess process = KafkaProcess.start(Path.of(kafka.get("directory")), Integer.parseInt(kafka.get("port")),
                Integer.parseInt(kafka.get("controller-port")), logFile("kafka"));
        kafka.put("pid", Long.toString(process.process().pid()));
        synchronized (System.getProperties()) {
            System.setProperty(PREFIX + "kafka", encode(kafka));
        }
    }

    public static Map<String, String> postgres() {
        return part("postgres", () -> {
            PostgresServer postgres = PostgresServer.start(directory().resolve("postgres"), 0, true,
                    logFile("postgres"));
            onStop(postgres);
            return Map.of("host", postgres.host(), "port", Integer.toString(postgres.port()));
        });
    }

    /** The Kafka Connect worker with the Debezium plugin, started after the broker and the database. */
    public static Map<String, String> connect() {
        Map<String, String> kafka = kafka();
        Map<String, String> postgres = postgres();
        return part("connect", () -> {
            ConnectWorker worker = ConnectWorker.start(kafka.get("bootstrap.servers"), postgres.get("host"),
                    Integer.parseInt(postgres.get("port")), fresh("connect"), 0, logFile("kafka-connect"));
            onStop(worker);
            return Map.of("url", worker.restUrl(), "log", worker.process().logFile().toString());
        });
    }

    public static Map<String, String> keycloak() {
        return part("keycloak", () -> {
            KeycloakServer keycloak = KeycloakServer.start(fresh("keycloak"), 0, logFile("keycloak"));
            onStop(keycloak);
            return Map.of("url", keycloak.url(), "realm-url", keycloak.realmUrl());
        });
    }

    /**
     * The SMTP server of this run, in its own JVM so that tests can stop and restart it
     * ({@link #stopSmtp()}, {@link #restartSmtp()}); what it receives is readable over IMAP.
     */
    public static Map<String, String> smtp() {
        return part("smtp", () -> {
            int port = Ports.free();
            int imapPort = Ports.free();
            ChildProcess smtp = SmtpProcess.start(fresh("smtp"), port, imapPort, logFile("smtp"));
            onStop(SharedStack::stopSmtp);
            return Map.of("host", "127.0.0.1", "port", Integer.toString(port), "imap-port", Integer.toString(imapPort),
                    "pid", Long.toString(smtp.pid()));
        });
    }

    /** Stops the SMTP server, as an outage would; mail sent meanwhile is refused. */
    public static void stopSmtp() {
        stopProcess(smtp().get("pid"));
    }

    /** Starts the SMTP server again on its ports, after {@link #stopSmtp()}. */
    public static void restartSmtp() {
        Map<String, String> smtp = new LinkedHashMap<>(smtp());
        ChildProcess process = SmtpProcess.start(directory().resolve("smtp"), Integer.parseInt(smtp.get("port")),
                Integer.parseInt(smtp.get("imap-port")), logFile("smtp"));
        smtp.put("pid", Long.toString(process.pid()));
        synchronized (System.getProperties()) {
            System.setProperty(PREFIX + "smtp", encode(smtp));
        }
    }

    private static void stopProcess(String pid) {
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }

    /** The Stripe emulator, in-process; tests steer it through its {@code /_emulator} endpoints. */
    public static Map<String, String> stripe() {
        return part("stripe", () -> {
            StripeEmulator stripe = StripeEmulator.start(0);
            onStop(stripe);
            return Map.of("api-base", stripe.apiBase());
        });
    }

    /** Creates a service's database and returns the connection settings a Quarkus service reads. */
    public static Map<String, String> database(String name) {
        Map<String, String> postgres = postgres();
        String host = postgres.get("host");
        int port = Integer.parseInt(postgres.get("port"));
        PostgresServer.createDatabase(host, port, name);
        return Map.of("jdbc-url", PostgresServer.jdbcUrl(host, port, name),
                "reactive-url", "postgresql://" + host + ":" + port + "/" + name,
                "username", PostgresServer.USER,
                "password", PostgresServer.PASSWORD);
    }

    /**
     * Marks a connector of the repository's {@code debezium/} folder to be registered once the
     * application under test has migrated its schema (the outbox table and its publication).
     */
    public static void relayWhenReady(String connectorFile) {
        connect();
        synchronized (System.getProperties()) {
            String pending = System.getProperty(PREFIX + "pending-connectors", "");
            if (!(" " + pending + " ").contains(" " + connectorFile + " ")) {
                System.setProperty(PREFIX + "pending-connectors", (pending + " " + connectorFile).trim());
            }
        }
    }

    /** Registers the connectors marked by {@link #relayWhenReady}, each once per JVM. */
    public static void registerPendingConnectors() {
        String pending;
        synchronized (System.getProperties()) {
            pending = System.getProperty(PREFIX + "pending-connectors", "");
            System.clearProperty(PREFIX + "pending-connectors");
        }
        if (pending.isBlank()) {
            return;
        }
        String url = connect().get("url");
        for (String connector : pending.split(" ")) {
            ConnectWorker.register(url, connector, null);
        }
    }

    private static Map<String, String> part(String name, Supplier<Map<String, String>> starter) {
        synchronized (System.getProperties()) {
            String running = System.getProperty(PREFIX + name);
            if (running != null) {
                return decode(running);
            }
            Map<String, String> started = Map.copyOf(starter.get());
            System.setProperty(PREFIX + name, encode(started));
            return started;
        }
    }

    private static String encode(Map<String, String> coordinates) {
        StringBuilder text = new StringBuilder();
        coordinates.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    private static Map<String, String> decode(String text) {
        Map<String, String> coordinates = new LinkedHashMap<>();
        text.lines().filter(line -> !line.isEmpty()).forEach(line -> {
            int equals = line.indexOf('=');
            coordinates.put(line.substring(0, equals), line.substring(equals + 1));
        });
        return Map.copyOf(coordinates);
    }

    private static Path fresh(String part) {
        Path path = directory().resolve(part);
        MachineCache.deleteRecursively(path);
        return path;
    }

    private static Path logFile(String part) {
        return directory().resolve("logs").resolve(part + ".log");
    }

    private static void onStop(AutoCloseable part) {
        STOP_ACTIONS.push(part);
    }

    private static void stopAll() {
        for (AutoCloseable part; (part = STOP_ACTIONS.poll()) != null; ) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("devstack: stopping " + part.getClass().getSimpleName() + " failed: " + e);
            }
        }
    }
}
