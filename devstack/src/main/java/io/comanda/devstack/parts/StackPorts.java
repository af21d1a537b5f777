package io.comanda.devstack.parts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fixed ports of the local stack, the defaults of the {@link StackPart catalogue}, each overridable by
 * an environment variable {@code COMANDA_<PART>_PORT} (e.g. {@code COMANDA_POSTGRES_PORT=5433}).
 */
public final class StackPorts {

    private static final Map<String, Integer> DEFAULTS = StackPart.defaultPorts();

    private final Map<String, Integer> ports;

    private StackPorts(Map<String, Integer> ports) {
        this.ports = ports;
    }

    public static StackPorts fromEnvironment() {
        return from(System.getenv());
    }

    /** The ports {@code environment}'s {@code COMANDA_<PART>_PORT} variables give, else the defaults. */
    public static StackPorts from(Map<String, String> environment) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        DEFAULTS.forEach((part, port) -> ports.put(part, Integer.parseInt(
                environment.getOrDefault(variable(part), Integer.toString(port)))));
        return new StackPorts(ports);
    }

    public int of(String part) {
        return ports.get(part);
    }

    /** The port of {@code part}, where clients reach it. */
    public int of(StackPart part) {
        return of(part.operatorName());
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
