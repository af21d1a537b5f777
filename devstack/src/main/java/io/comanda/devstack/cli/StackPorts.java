package io.comanda.devstack.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fixed ports of the local stack, each overridable by an environment variable
 * {@code COMANDA_<PART>_PORT} (e.g. {@code COMANDA_POSTGRES_PORT=5433}).
 */
public final class StackPorts {

    private static final Map<String, Integer> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("postgres", 5432);
        DEFAULTS.put("kafka", 9092);
        DEFAULTS.put("kafka-controller", 9093);
        DEFAULTS.put("connect", 8083);
        DEFAULTS.put("keycloak", 8180);
        DEFAULTS.put("smtp", 2525);
        DEFAULTS.put("imap", 1143);
        DEFAULTS.put("stripe", 12111);
        DEFAULTS.put("orders", 8081);
        DEFAULTS.put("payments", 8082);
        DEFAULTS.put("notifications", 8084);
        DEFAULTS.put("search", 8085);
        DEFAULTS.put("zipkin", 9411);
        // Each service's management interface: health and /q/metrics, apart from the public API.
        DEFAULTS.put("orders-management", 9081);
        DEFAULTS.put("payments-management", 9082);
        DEFAULTS.put("notifications-management", 9084);
        DEFAULTS.put("search-management", 9085);
    }

    private final Map<String, Integer> ports;

    private StackPorts(Map<String, Integer> ports) {
        this.ports = ports;
    }

    public static StackPorts fromEnvironment() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        DEFAULTS.forEach((part, port) -> ports.put(part, Integer.parseInt(
                System.getenv().getOrDefault(variable(part), Integer.toString(port)))));
        return new StackPorts(ports);
    }

    public int of(String part) {
        return ports.get(part);
    }

    public Map<String, Integer> all() {
        return Map.copyOf(ports);
    }

    /** The parts that listen on a port, e.g. {@code postgres}, {@code kafka-controller}, {@code orders}. */
    public static Set<String> parts() {
        return Collections.unmodifiableSet(DEFAULTS.keySet());
    }

    /** The environment variable that moves {@code part}, e.g. {@code COMANDA_KAFKA_CONTROLLER_PORT}. */
    public static String variable(String part) {
        return "COMANDA_" + part.toUpperCase().replace('-', '_') + "_PORT";
    }
}
