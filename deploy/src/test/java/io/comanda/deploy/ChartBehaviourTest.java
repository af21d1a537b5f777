package io.comanda.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the rendered chart promises about the running system, checked against the code that decides it. */
class ChartBehaviourTest {

    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{env:([A-Z0-9_]+)}");
    private static final Pattern PROVIDER_REFERENCE = Pattern.compile("\\$\\{(secrets|configmaps):comanda/comanda-relay:([A-Z0-9_]+)}");

    private static List<RenderedObject> rendered;

    @BeforeAll
    static void render() {
        rendered = ComandaChart.withTestValues().render();
    }

    @Test
    void everyDeploymentProbesReadinessAndLivenessOnItsManagementPort() {
        List<RenderedObject> deployments = ofKind("Deployment");

        assertThat(deployments).hasSize(PlatformTopics.SERVICES.size());
        for (RenderedObject deployment : deployments) {
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            int management = portNumber(container, "management");
            assertThat(management).as("%s management port", deployment).isEqualTo(9000);
            assertThat(probe(container, "readinessProbe")).as("%s readiness", deployment).isEqualTo("/q/health/ready@management");
            assertThat(probe(container, "livenessProbe")).as("%s liveness", deployment).isEqualTo("/q/health/live@management");
        }
    }

    @Test
    void everyServiceListensOnItsOwnHttpPort() {
        for (String service : PlatformTopics.SERVICES) {
            int configured = Integer.parseInt(PlatformTopics.applicationProperties(service).getProperty("quarkus.http.port"));
            JsonNode container = object("Deployment", "comanda-" + service).at("/spec/template/spec/containers/0");

            assertThat(portNumber(container, "http")).as(service).isEqualTo(configured);
        }
    }

    @Test
    void everySecretKeyUsedByADeploymentExistsInTheChartsSecret() {
        for (RenderedObject deployment : ofKind("Deployment")) {
            for (JsonNode env : deployment.at("/spec/template/spec/containers/0/env")) {
                JsonNode reference = env.at("/valueFrom/secretKeyRef");
                if (reference.isMissingNode()) {
                    continue;
                }
                RenderedObject secret = object("Secret", reference.path("name").asText());
                assertThat(secret.at("/stringData").has(reference.path("key").asText()))
                        .as("%s reads key %s of %s", deployment, reference.path("key").asText(), secret).isTrue();
            }
        }
    }

    @Test
    void everyVariableAServiceRequiresInProductionIsSetByTheChart() {
        for (String service : PlatformTopics.SERVICES) {
            Set<String> provided = new HashSet<>();
            object("ConfigMap", "comanda-" + service).at("/data").fieldNames().forEachRemaining(provided::add);
            object("Deployment", "comanda-" + service).at("/spec/template/spec/containers/0/env")
                    .forEach(env -> provided.add(env.path("name").asText()));

            assertThat(provided).as(service).containsAll(requiredInProduction(service));
        }
    }

    @Test
    void everyComandaTopicInThePlatformCodeIsAKafkaTopicWithThreeReplicasAndTwoInSync() {
        Map<String, JsonNode> kafkaTopics = new HashMap<>();
        ofKind("KafkaTopic").forEach(topic -> kafkaTopics.put(topic.at("/spec/topicName").asText(), topic.at("/spec")));

        PlatformTopics.all().forEach((name, settings) -> {
            JsonNode spec = kafkaTopics.get(name);
            assertThat(spec).as("a KafkaTopic for %s", name).isNotNull();
            assertThat(spec.path("replicas").asInt()).as("%s replicas", name).isEqualTo(3);
            assertThat(spec.at("/config/min.insync.replicas").asInt()).as("%s min.insync.replicas", name).isEqualTo(2);
            assertThat(spec.at("/config/unclean.leader.election.enable").asBoolean(true)).as(name).isFalse();
            settings.forEach((key, value) ->
                    assertThat(spec.path("config").path(key).asText()).as("%s %s", name, key).isEqualTo(value));
        });
        assertThat(kafkaTopics.keySet()).containsExactlyInAnyOrderElementsOf(PlatformTopics.all().keySet());
    }

    @Test
    void everyConnectorFileIsAKafkaConnectorWithItsPlaceholdersReadFromTheRelaysSecretOrConfigMap() {
        Set<String> configMapKeys = fieldNames(object("ConfigMap", "comanda-relay").at("/data"));
        Set<String> secretKeys = fieldNames(object("Secret", "comanda-relay").at("/stringData"));
        for (JsonNode file : PlatformTopics.connectorFiles()) {
            RenderedObject connector = object("KafkaConnector", file.path("name").asText());
            JsonNode config = connector.at("/spec/config");
            assertThat(connector.at("/spec/class").asText()).isEqualTo(file.at("/config/connector.class").asText());
            file.path("config").properties().forEach(entry -> {
                String key = entry.getKey();
                if (key.equals("connector.class") || key.equals("tasks.max")) {
                    return;
                }
                String expected = ENV_PLACEHOLDER.matcher(entry.getValue().asText()).replaceAll(match ->
                        Matcher.quoteReplacement("${" + (match.group(1).equals("COMANDA_DB_PASSWORD") ? "secrets" : "configmaps")
                                + ":comanda/comanda-relay:" + match.group(1) + "}"));
                assertThat(config.path(key).asText()).as("%s %s", connector, key).isEqualTo(expected);
                Matcher reference = PROVIDER_REFERENCE.matcher(config.path(key).asText());
                while (reference.find()) {
                    Set<String> keys = reference.group(1).equals("secrets") ? secretKeys : configMapKeys;
                    assertThat(keys).as("%s %s", connector, key).contains(reference.group(2));
                }
            });
            assertThat(fieldNames(config)).hasSize(file.path("config").size() - 2);
        }
    }

    @Test
    void theRealmImportIsTheRepositorysRealmWithoutItsLocalDevelopmentPeopleOrSecrets() throws IOException {
        JsonNode repositoryRealm = new ObjectMapper().readTree(ComandaChart.REPOSITORY_ROOT.resolve("keycloak/comanda-realm.json").toFile());
        RenderedObject realmImport = ofKind("KeycloakRealmImport").get(0);
        JsonNode realm = realmImport.at("/spec/realm");

        assertThat(realm.path("realm").asText()).isEqualTo(repositoryRealm.path("realm").asText());
        assertThat(realm.at("/roles/realm")).isEqualTo(repositoryRealm.at("/roles/realm"));
        assertThat(clientIds(realm)).isEqualTo(clientIds(repositoryRealm));
        for (JsonNode user : realm.path("users")) {
            assertThat(user.has("serviceAccountClientId")).as(user.path("username").asText()).isTrue();
            assertThat(user.has("credentials")).isFalse();
        }
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                String placeholder = client.path("secret").asText().replaceAll("^\\$\\{(.+)}$", "$1");
                assertThat(realmImport.at("/spec/placeholders").has(placeholder)).as(client.path("clientId").asText()).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}=false removes every {1} object")
    @CsvSource({
            "strimzi.enabled, kafka.strimzi.io",
            "cloudnativepg.enabled, postgresql.cnpg.io",
            "keycloak.enabled, k8s.keycloak.org"})
    void disablingAnOperatorInValuesRemovesItsObjects(String switchKey, String group) {
        List<RenderedObject> without = ComandaChart.withTestValues().render(Map.of(switchKey, false));

        assertThat(rendered).anyMatch(object -> object.group().equals(group));
        assertThat(without).noneMatch(object -> object.group().equals(group));
        assertThat(without.stream().filter(object -> object.kind().equals("Deployment"))).hasSize(PlatformTopics.SERVICES.size());
    }

    /**
     * The environment variables a service cannot start without in production: each {@code ${NAME}} with no
     * default in a %prod or profile-less value, the service's own lines overriding the platform's.
     */
    private static Set<String> requiredInProduction(String service) {
        Map<String, String> merged = new HashMap<>();
        putProductionValues(PlatformTopics.platformProperties(), merged);
        putProductionValues(PlatformTopics.applicationProperties(service), merged);
        Set<String> variables = new TreeSet<>();
        merged.values().forEach(value -> {
            Matcher variable = REQUIRED_VARIABLE.matcher(value);
            while (variable.find()) {
                variables.add(variable.group(1));
            }
        });
        return variables;
    }

    private static void putProductionValues(Properties properties, Map<String, String> merged) {
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%prod.")) {
                merged.put(key.substring("%prod.".length()), properties.getProperty(key));
            } else if (!key.startsWith("%")) {
                merged.putIfAbsent(key, properties.getProperty(key));
            }
        }
        // A profile-less line is overridden by the same file's %prod line, whichever comes first.
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%prod.")) {
                merged.put(key.substring("%prod.".length()), properties.getProperty(key));
            }
        }
    }

    private static List<RenderedObject> ofKind(String kind) {
        return rendered.stream().filter(object -> object.kind().equals(kind)).toList();
    }

    private static RenderedObject object(String kind, String name) {
        return ofKind(kind).stream().filter(object -> object.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " rendered"));
    }

    private static int portNumber(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no port named " + name);
    }

    private static String probe(JsonNode container, String probe) {
        JsonNode get = container.path(probe).path("httpGet");
        return get.path("path").asText() + "@" + get.path("port").asText();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> clientIds(JsonNode realm) {
        List<String> ids = new ArrayList<>();
        realm.path("clients").forEach(client -> ids.add(client.path("clientId").asText()));
        return ids;
    }
}
