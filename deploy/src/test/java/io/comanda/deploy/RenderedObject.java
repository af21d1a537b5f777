package io.comanda.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One Kubernetes object of the rendered chart, as YAML gave it. */
record RenderedObject(ObjectNode tree) {

    String apiVersion() {
        return tree.path("apiVersion").asText();
    }

    String kind() {
        return tree.path("kind").asText();
    }

    String name() {
        return tree.path("metadata").path("name").asText();
    }

    /** The API group, e.g. {@code kafka.strimzi.io}; empty for the core group. */
    String group() {
        String apiVersion = apiVersion();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    JsonNode at(String pointer) {
        return tree.at(pointer);
    }

    @Override
    public String toString() {
        return kind() + "/" + name();
    }
}
