package io.comanda.devstack.quarkus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The parts one test JVM shares, by name, as {@link SharedParts} records.
 *
 * <p>Why not a static field: Quarkus may load test resources and test classes through different class
 * loaders, and each loader has its own copy of every devstack class, statics included. So a part's
 * record is kept where every loader of the JVM sees the same value, in one documented form: the
 * system property {@code comanda.devstack.part.<name>} holds the record as JSON (Jackson's record
 * mapping, one field per component), e.g.
 * {@code comanda.devstack.part.keycloak={"url":"http://127.0.0.1:41234","realmUrl":"http://127.0.0.1:41234/realms/comanda"}}.
 * Starting a part happens under the JVM-wide lock of the system properties, so it starts at most once.
 */
final class PartRegistry {

    private static final String PREFIX = "comanda.devstack.part.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PartRegistry() {
    }

    /** The record of part {@code name}, starting the part with {@code start} if no loader has yet. */
    static <T extends Record> T getOrStart(String name, Class<T> type, Supplier<T> start) {
        synchronized (System.getProperties()) {
            Optional<T> running = get(name, type);
            if (running.isPresent()) {
                return running.get();
            }
            T started = start.get();
            put(name, started);
            return started;
        }
    }

    /** The record of part {@code name}, if it runs. */
    static <T extends Record> Optional<T> get(String name, Class<T> type) {
        String json = System.getProperty(PREFIX + name);
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(json, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable record of part " + name + ": " + json, e);
        }
    }

    /** Replaces the record of part {@code name}, e.g. after a restart gave it a new PID. */
    static void put(String name, Record part) {
        try {
            System.setProperty(PREFIX + name, JSON.writeValueAsString(part));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record part " + name, e);
        }
    }
}
