package io.comanda.devstack.quarkus;

import io.comanda.devstack.ConnectWorker;
import io.comanda.devstack.EmbeddedKafka;
import io.comanda.devstack.KeycloakServer;
import io.comanda.devstack.MachineCache;
import io.comanda.devstack.PostgresServer;
import io.comanda.devstack.SmtpServer;
import io.comanda.events.Topic;

import java.nio.file.Path;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * The real parts of one test JVM, each started at most once, on first demand, and stopped in reverse
 * order when the JVM exits.
 *
 * <p>Quarkus may load test resources and test classes through different class loaders, so what must
 * be shared lives in the JVM-wide system properties and uses JDK types only: each started part is a
 * {@code Map<String, String>} of its coordinates, and the stop actions are one deque of
 * {@link AutoCloseable}s.
 */
public final class SharedStack {

    private static final String PREFIX = "comanda.devstack.";
    private static final String STOP_ACTIONS = PREFIX + "stop-actions";

    private SharedStack() {
    }

    /** Where the parts of this test run keep their data and logs: the module's {@code target/devstack}. */
    public static Path directory() {
        return Path.of("target", "devstack").toAbsolutePath();
    }

    public static Map<String, String> kafka() {
        return part("kafka", () -> {
            EmbeddedKafka kafka = EmbeddedKafka.start(fresh("kafka"));
            onStop(kafka);
            Map<String, Integer> topics = new LinkedHashMap<>();
            for (Topic topic : Topic.values()) {
                topics.put(topic.topicName(), Topic.DEFAULT_PARTITIONS);
            }
            kafka.createTopics(topics);
            return Map.of("bootstrap.servers", kafka.bootstrapServers());
        });
    }

    public static Map<String, String> postgres() {
        return part("postgres", () -> {
            PostgresServer postgres = PostgresServer.start(directory().resolve("postgres"), 0, true);
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

    public static Map<String, String> smtp() {
        return part("smtp", () -> {
            SmtpServer smtp = SmtpServer.start(0);
            onStop(smtp);
            return Map.of("host", smtp.host(), "port", Integer.toString(smtp.port()));
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
        Properties properties = System.getProperties();
        synchronized (properties) {
            @SuppressWarnings("unchecked")
            Map<String, String> running = (Map<String, String>) properties.get(PREFIX + name);
            if (running != null) {
                return running;
            }
            Map<String, String> started = Map.copyOf(starter.get());
            properties.put(PREFIX + name, started);
            return started;
        }
    }

    private static Path fresh(String part) {
        Path path = directory().resolve(part);
        MachineCache.deleteRecursively(path);
        return path;
    }

    private static Path logFile(String part) {
        return directory().resolve("logs").resolve(part + ".log");
    }

    @SuppressWarnings("unchecked")
    private static void onStop(AutoCloseable part) {
        Properties properties = System.getProperties();
        synchronized (properties) {
            Deque<AutoCloseable> actions = (Deque<AutoCloseable>) properties.get(STOP_ACTIONS);
            if (actions == null) {
                Deque<AutoCloseable> created = new ConcurrentLinkedDeque<>();
                properties.put(STOP_ACTIONS, created);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(created), "comanda-devstack-stop"));
                actions = created;
            }
            actions.push(part);
        }
    }

    private static void stopAll(Deque<AutoCloseable> actions) {
        for (AutoCloseable part; (part = actions.poll()) != null; ) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("devstack: stopping " + part.getClass().getSimpleName() + " failed: " + e);
            }
        }
    }
}
