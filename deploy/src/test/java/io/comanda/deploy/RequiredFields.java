package io.comanda.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The fields each kind cannot do without, which the models accept as absent (Java fields default to null)
 * but the API server or the operator refuses, or which leave the object doing nothing.
 */
final class RequiredFields {

    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("Deployment", List.of("/spec/selector/matchLabels", "/spec/template/metadata/labels",
                    "/spec/template/spec/containers/0/name", "/spec/template/spec/containers/0/image")),
            Map.entry("Service", List.of("/spec/selector", "/spec/ports/0/port")),
            Map.entry("PodDisruptionBudget", List.of("/spec/selector/matchLabels", "/spec/minAvailable")),
            Map.entry("HorizontalPodAutoscaler", List.of("/spec/scaleTargetRef/kind", "/spec/scaleTargetRef/name",
                    "/spec/maxReplicas", "/spec/metrics/0/resource/target/averageUtilization")),
            Map.entry("NetworkPolicy", List.of("/spec/podSelector", "/spec/policyTypes/0")),
            Map.entry("ConfigMap", List.of("/data")),
            Map.entry("Secret", List.of("/stringData")),
            Map.entry("Role", List.of("/rules/0/verbs/0")),
            Map.entry("RoleBinding", List.of("/roleRef/name", "/subjects/0/name")),
            Map.entry("Kafka", List.of("/spec/kafka/listeners/0/name", "/spec/kafka/listeners/0/port")),
            Map.entry("KafkaNodePool", List.of("/metadata/labels/strimzi.io~1cluster", "/spec/replicas", "/spec/roles/0",
                    "/spec/storage/type")),
            Map.entry("KafkaTopic", List.of("/metadata/labels/strimzi.io~1cluster", "/spec/partitions", "/spec/replicas")),
            Map.entry("KafkaConnect", List.of("/spec/bootstrapServers", "/spec/build/output/image",
                    "/spec/build/plugins/0/artifacts/0/type")),
            Map.entry("KafkaConnector", List.of("/metadata/labels/strimzi.io~1cluster", "/spec/class", "/spec/tasksMax")));

    private RequiredFields() {
    }

    /** The JSON pointers of {@code object}'s required fields that are absent or empty. */
    static List<String> missingIn(RenderedObject object) {
        return REQUIRED.getOrDefault(object.kind(), List.of()).stream()
                .filter(pointer -> isEmpty(object.at(pointer)))
                .toList();
    }

    private static boolean isEmpty(JsonNode node) {
        return node.isMissingNode() || node.isNull() || (node.isContainerNode() && node.isEmpty())
                || (node.isTextual() && node.asText().isBlank());
    }
}
