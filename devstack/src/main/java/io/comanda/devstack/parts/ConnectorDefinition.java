package io.comanda.devstack.parts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connector file of the repository's {@code debezium/} folder ({@code {"name": ..., "config": {...}}}),
 * the format Kafka Connect's REST API and compose's init container take.
 */
public record ConnectorDefinition(String name, Map<String, String> config) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * This connector under another {@code name}, with some settings replaced: a second relay of the same
     * configuration on another database, slot and topic, as a test that must not disturb the first needs.
     */
    public ConnectorDefinition renamed(String name, Map<String, String> replaced) {
        Map<String, String> changed = new LinkedHashMap<>(config);
        changed.putAll(replaced);
        return new ConnectorDefinition(name, Map.copyOf(changed));
    }

    /** Loads {@code debezium/<file>.json} as packaged into this module. */
    public static ConnectorDefinition load(String file) {
        String resource = "/io/comanda/devstack/debezium/" + file + ".json";
        try (InputStream in = ConnectorDefinition.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no connector file " + resource);
            }
            JsonNode root = JSON.readTree(in);
            Map<String, String> config = new LinkedHashMap<>();
            root.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            return new ConnectorDefinition(root.path("name").asText(), Map.copyOf(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
