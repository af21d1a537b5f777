package io.comanda.devstack.parts;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of the stack's parts, each named once: the name an operator types ({@code ./comanda kill
 * connect}), the part's own name (its log file, its row in the tables), its port and the variable that
 * moves it, what proves it ready, and what it keeps when it is started again. The local stack, the
 * launcher's commands, the ports and the tests' shared parts all read their names from here.
 *
 * <p>The order is the order of the tables: the data path first, then the parts beside it, then the
 * services.
 */
public enum StackPart {

    // Each port is written as its key and its default, "postgres", 5432: the documents' port table is
    // checked against these pairs.
    POSTGRES("postgres", 5432, "postgres", "PostgreSQL", Map.of(), Restart.KEEPS_DATA,
            "answers SQL with logical decoding on (wal_level=logical)"),
    KAFKA("kafka", 9092, "kafka", "Kafka", Map.of("kafka-controller", 9093), Restart.KEEPS_DATA,
            "a record produced and read back"),
    CONNECT("connect", 8083, "kafka-connect", "Kafka Connect", Map.of(), Restart.KEEPS_DATA,
            "its REST API lists the Debezium PostgreSQL connector"),
    STRIPE("stripe", 12111, "stripe-emulator", "Stripe emulator", Map.of(), Restart.STARTS_EMPTY,
            "listens on its port"),
    SMTP("smtp", 2525, "smtp", "SMTP and IMAP", Map.of("imap", 1143), Restart.STARTS_EMPTY, "SMTP and IMAP listen"),
    ZIPKIN("zipkin", 9411, "zipkin", "Zipkin", Map.of(), Restart.STARTS_EMPTY, "/health answers 200"),
    KEYCLOAK("keycloak", 8180, "keycloak", "Keycloak", Map.of(), Restart.KEEPS_DATA,
            "the comanda realm's discovery document answers"),
    ORDERS("orders", 8081, "orders-service", Map.of("orders-management", 9081)),
    PAYMENTS("payments", 8082, "payments-service", Map.of("payments-management", 9082)),
    NOTIFICATIONS("notifications", 8084, "notifications-service", Map.of("notifications-management", 9084)),
    SEARCH("search", 8085, "search-indexer", Map.of("search-management", 9085));

    /** What a part keeps when it is started again on its ports after a stop or a kill. */
    public enum Restart {
        /** Its data directory (or, for a service, its database): what it had committed is there again. */
        KEEPS_DATA,
        /** Nothing: it keeps its state in memory (received mail, charges, traces) and starts empty. */
        STARTS_EMPTY
    }

    private final String operatorName;
    private final String partName;
    private final String title;
    private final int defaultPort;
    private final Map<String, Integer> otherPorts;
    private final Restart restart;
    private final String readiness;
    private final boolean service;

    StackPart(String operatorName, int defaultPort, String partName, String title, Map<String, Integer> otherPorts,
              Restart restart, String readiness) {
        this.operatorName = operatorName;
        this.partName = partName;
        this.title = title;
        this.defaultPort = defaultPort;
        this.otherPorts = otherPorts;
        this.restart = restart;
        this.readiness = readiness;
        this.service = false;
    }

    /** A Comanda service: its database is named after it; health and metrics on its other port, for management. */
    StackPart(String operatorName, int defaultPort, String partName, Map<String, Integer> managementPort) {
        this.operatorName = operatorName;
        this.partName = partName;
        this.title = partName;
        this.defaultPort = defaultPort;
        this.otherPorts = managementPort;
        this.restart = Restart.KEEPS_DATA;
        // A start by the operator waits only until it serves: a dependency it waits for may be down on purpose.
        this.readiness = "/q/health/ready answers 200 on its management interface (a start again: it serves HTTP)";
        this.service = true;
    }

    /** What an operator calls it, e.g. {@code connect}, {@code orders}; also the key of its port. */
    public String operatorName() {
        return operatorName;
    }

    /** Its own name, e.g. {@code kafka-connect}, {@code orders-service}: its log file and its row in the tables. */
    public String partName() {
        return partName;
    }

    /** What the launcher prints while it starts, e.g. {@code Kafka Connect}. */
    public String title() {
        return title;
    }

    /** The port clients reach it on in the local stack, unless {@link #portVariable()} moves it. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The environment variable that moves its port, e.g. {@code COMANDA_CONNECT_PORT}. */
    public String portVariable() {
        return StackPorts.variable(operatorName);
    }

    /** Its ports beside the one clients use (a broker's controller, IMAP, a service's management), by key. */
    public Map<String, Integer> otherPorts() {
        return otherPorts;
    }

    /** The key of a service's management port (health, metrics), e.g. {@code orders-management}. */
    public String managementPortKey() {
        if (!service) {
            throw new IllegalStateException(partName + " is not a service: it has no management interface");
        }
        return onlyOtherPortKey();
    }

    /** The key of the broker's controller port ({@code COMANDA_KAFKA_CONTROLLER_PORT} moves it). */
    public String controllerPortKey() {
        if (this != KAFKA) {
            throw new IllegalStateException(partName + " has no controller port");
        }
        return onlyOtherPortKey();
    }

    /** The key of the SMTP server's IMAP port ({@code COMANDA_IMAP_PORT} moves it). */
    public String imapPortKey() {
        if (this != SMTP) {
            throw new IllegalStateException(partName + " serves no IMAP");
        }
        return onlyOtherPortKey();
    }

    private String onlyOtherPortKey() {
        return otherPorts.keySet().iterator().next();
    }

    public Restart restart() {
        return restart;
    }

    /** What its readiness probe checks before the part counts as started. */
    public String readiness() {
        return readiness;
    }

    /** A Comanda service: a packaged Quarkus application with a database of its own, named after it. */
    public boolean isService() {
        return service;
    }

    /** The four services, in the order of the tables. */
    public static List<StackPart> services() {
        return Arrays.stream(values()).filter(StackPart::isService).toList();
    }

    /** Every port of the stack by key, with its default: each part's own, then its others. */
    public static Map<String, Integer> defaultPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (StackPart part : values()) {
            ports.put(part.operatorName, part.defaultPort);
            ports.putAll(part.otherPorts);
        }
        return ports;
    }

    /** The part an operator or a table calls {@code name}: its operator's name or its own. */
    public static Optional<StackPart> named(String name) {
        return Arrays.stream(values())
                .filter(part -> part.operatorName.equals(name) || part.partName.equals(name)).findFirst();
    }

    /** Its place in the tables; a name outside the catalogue comes last. */
    public static int tablePosition(String name) {
        return named(name).map(Enum::ordinal).orElse(values().length);
    }
}
