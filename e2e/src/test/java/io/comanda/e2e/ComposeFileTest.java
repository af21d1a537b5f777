package io.comanda.e2e;

import io.comanda.events.Topic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so docker-compose.yml is checked against the rules the suite keeps:
 * healthchecks, healthy dependencies, mounted files that exist, pinned images in step with the build,
 * environment variables that are configuration keys of the service receiving them, and the safe
 * defaults: secrets only from .env, a role per service and a replication-only role for the relay,
 * nothing but the services' APIs published beyond this machine.
 */
class ComposeFileTest {

    private static final Path ROOT = ComandaCli.ROOT;
    private static final String ONE_SHOT = "io.comanda.one-shot";
    private static final List<String> SERVICE_DATABASES = List.of("orders", "payments", "notifications", "search");
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void everyLongRunningServiceHasAHealthcheck() {
        services.forEach((name, service) -> {
            if (!isOneShot(service)) {
                assertThat(service).as(name).containsKey("healthcheck");
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDependencyWaitsForHealthOrForAOneShotToFinish() {
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            assertThat(dependsOn).as(name + " depends_on must name conditions").isInstanceOf(Map.class);
            ((Map<String, Map<String, String>>) dependsOn).forEach((dependency, condition) -> {
                String expected = isOneShot(services.get(dependency)) ? "service_completed_successfully" : "service_healthy";
                assertThat(condition.get("condition")).as(name + " -> " + dependency).isEqualTo(expected);
            });
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyMountedFileAndBuildContextExistsInTheRepository() {
        services.forEach((name, service) -> {
            for (String volume : (List<String>) service.getOrDefault("volumes", List.of())) {
                String source = volume.split(":")[0];
                assertThat(source).as(name + " mounts a repository path").startsWith("./");
                assertThat(ROOT.resolve(source)).as(name + " mounts " + source).exists();
            }
            if (service.get("build") instanceof String context) {
                assertThat(ROOT.resolve(context).resolve("Dockerfile")).as(name + " Dockerfile").exists();
            }
        });
        assertThat(services.get("connect-init").get("volumes").toString()).contains("./debezium:");
        assertThat(services.get("keycloak").get("volumes").toString()).contains("./keycloak/comanda-realm.json:");
    }

    @Test
    void everyImageIsPinnedAndInStepWithTheBuild() throws IOException {
        services.forEach((name, service) -> {
            String image = (String) service.get("image");
            assertThat(image).as(name + " image").isNotNull();
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(image).as(name).contains(":");
            assertThat(tag).as(name).isNotEqualTo("latest").matches(".*\\d.*");
        });
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:" + property(pom, "kafka.version"));
        assertThat(services.get("keycloak").get("image"))
                .isEqualTo("quay.io/keycloak/keycloak:" + property(pom, "keycloak.version"));
        assertThat(services.get("connect").get("image"))
                .isEqualTo("quay.io/debezium/connect:" + property(pom, "debezium.version"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyEnvironmentVariableOfAServiceIsAConfigKeyItReads() throws IOException {
        for (Map.Entry<String, Map<String, Object>> entry : services.entrySet()) {
            if (!(entry.getValue().get("build") instanceof String context) || context.contains("stripe-emulator")) {
                continue;
            }
            Set<String> keys = configKeysAsEnvironmentVariables(ROOT.resolve(context));
            Map<String, Object> environment = (Map<String, Object>) entry.getValue().getOrDefault("environment", Map.of());
            assertThat(environment.keySet()).as(entry.getKey() + " receives only variables it reads").isSubsetOf(keys);
        }
    }

    @Test
    void comandaOrdersIsCreatedWithTheCatalogueRetentionWhereverComposeCreatesIt() throws IOException {
        // The relay creates the topic when it writes the first order before any consumer has; a
        // consumer that starts first creates it itself with the catalogue's settings (ConsumerTopics).
        String connector = Files.readString(ROOT.resolve("debezium/orders-outbox.json"));
        Matcher retention = Pattern.compile("\"topic\\.creation\\.default\\.retention\\.ms\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(connector);
        assertThat(retention.find()).as("orders-outbox sets the retention of the topics it creates").isTrue();
        assertThat(retention.group(1)).isEqualTo(Topic.ORDERS.topicConfig().get(Topic.RETENTION_MS));
    }

    @Test
    void theRelaysTopicsTakeTheirDurabilityFromTheEnvironmentWhichComposeGivesEveryPart() throws IOException {
        String replicas = "${env:COMANDA_KAFKA_TOPICS_REPLICATION_FACTOR}";
        String inSync = "${env:COMANDA_KAFKA_TOPICS_MIN_INSYNC_REPLICAS}";
        for (String file : List.of("orders-outbox", "payments-outbox")) {
            Map<String, String> connector = connectorConfig(file);
            for (String group : List.of("default", "heartbeat")) {
                assertThat(connector).as(file + " " + group)
                        .containsEntry("topic.creation." + group + ".replication.factor", replicas)
                        .containsEntry("topic.creation." + group + ".min.insync.replicas", inSync)
                        .containsEntry("topic.creation." + group + ".unclean.leader.election.enable", "false");
            }
            assertThat(connector).as(file).containsEntry("topic.creation.default.retention.ms", "-1")
                    .containsEntry("topic.creation.default.retention.bytes", "-1")
                    .containsEntry("producer.override.acks", "all");
        }
        for (String part : List.of("connect", "orders-service", "payments-service", "notifications-service",
                "search-indexer")) {
            assertThat(environment(part)).as(part)
                    .containsEntry("COMANDA_KAFKA_TOPICS_REPLICATION_FACTOR", "${COMANDA_KAFKA_TOPICS_REPLICATION_FACTOR:-1}")
                    .containsEntry("COMANDA_KAFKA_TOPICS_MIN_INSYNC_REPLICAS", "${COMANDA_KAFKA_TOPICS_MIN_INSYNC_REPLICAS:-1}");
        }
        assertThat(environment("connect").get("CONNECT_CONFIG_STORAGE_REPLICATION_FACTOR"))
                .isEqualTo("${COMANDA_KAFKA_TOPICS_REPLICATION_FACTOR:-1}");
        assertThat(environment("kafka").get("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE")).isEqualTo("false");
    }

    @Test
    void aQuietOutboxStillLetsItsSlotMoveOnThroughHeartbeatsOnATableOfThePublication() throws IOException {
        String heartbeatTable = Files.readString(
                ROOT.resolve("platform/src/main/resources/db/comanda-platform/V0_5__relay_heartbeat.sql"));
        assertThat(heartbeatTable).contains("alter publication comanda_outbox add table relay_heartbeat")
                .contains("grant insert, delete on relay_heartbeat to comanda_relay");
        for (String file : List.of("orders-outbox", "payments-outbox")) {
            Map<String, String> connector = connectorConfig(file);
            assertThat(connector).as(file).containsEntry("heartbeat.interval.ms", "10000")
                    .containsEntry("table.include.list", "public.outbox")
                    .containsEntry("topic.creation.heartbeat.cleanup.policy", "compact");
            assertThat(connector.get("heartbeat.action.query")).as(file).contains("insert into relay_heartbeat");
        }
    }

    @Test
    void theInitScriptCreatesADatabaseForEveryServiceOwnedByTheServicesOwnRole() throws IOException {
        String init = Files.readString(ROOT.resolve("compose/postgres/init-databases.sh"));
        for (String database : SERVICE_DATABASES) {
            assertThat(init).contains("create role " + database + "_service login password")
                    .contains("create database " + database + " owner " + database + "_service;");
            Map<String, Object> environment = environment(serviceUsing(database));
            assertThat(environment.get("QUARKUS_DATASOURCE_USERNAME")).as(database).isEqualTo(database + "_service");
        }
        // Ready once the last database of the script exists.
        assertThat(services.get("postgres").get("healthcheck").toString()).contains("-d search");
    }

    @Test
    void theRelayConnectsAsAReplicationRoleThatMayReadTheOutboxAlone() throws IOException {
        String init = Files.readString(ROOT.resolve("compose/postgres/init-databases.sh"));
        assertThat(init).contains("create role comanda_relay login replication password");
        assertThat(environment("connect").get("COMANDA_DB_USER")).isEqualTo("comanda_relay");
        String grant = Files.readString(ROOT.resolve("platform/src/main/resources/db/comanda-platform/V0_3__relay_role.sql"));
        assertThat(grant).contains("grant select on outbox to comanda_relay");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheServicesApisArePublishedBeyondThisMachine() {
        services.forEach((name, service) -> {
            boolean api = service.get("build") instanceof String context && !context.contains("stripe-emulator");
            for (String port : (List<String>) service.getOrDefault("ports", List.of())) {
                if (!api) {
                    assertThat(port).as(name + " publishes " + port + " on this machine only").startsWith("127.0.0.1:");
                }
            }
        });
    }

    @Test
    void everySecretComesFromTheEnvFileWhichGitIgnoresAndWhoseExampleNamesIt() throws IOException {
        Pattern required = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?[^}]+}");
        String example = Files.readString(ROOT.resolve(".env.example"));
        Set<String> secrets = new HashSet<>();
        services.forEach((name, service) -> environment(name).forEach((variable, value) -> {
            if (variable.matches(".*(PASSWORD|SECRET).*")) {
                Matcher reference = required.matcher(String.valueOf(value));
                assertThat(reference.matches()).as(name + " " + variable + " is required from .env, not written here")
                        .isTrue();
                secrets.add(reference.group(1));
            }
        }));
        assertThat(secrets).isNotEmpty();
        for (String secret : secrets) {
            assertThat(example).as(".env.example names " + secret).containsPattern("(?m)^" + secret + "=");
        }
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> connectorConfig(String file) throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("debezium/" + file + ".json"))) {
            Map<String, Object> connector = new Yaml().load(in);
            return (Map<String, String>) connector.get("config");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        return (Map<String, Object>) services.get(service).getOrDefault("environment", Map.of());
    }

    private static String serviceUsing(String database) {
        return services.entrySet().stream()
                .filter(entry -> String.valueOf(environment(entry.getKey()).get("QUARKUS_DATASOURCE_JDBC_URL"))
                        .endsWith("/" + database))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private static boolean isOneShot(Map<String, Object> service) {
        Object labels = service.get("labels");
        return labels instanceof Map<?, ?> map && "true".equals(String.valueOf(map.get(ONE_SHOT)));
    }

    /**
     * MicroProfile Config's mapping: a key's environment variable is upper case with _ for the rest. A
     * service reads its own application.properties and the platform's shared settings below it.
     */
    private static Set<String> configKeysAsEnvironmentVariables(Path module) throws IOException {
        Properties properties = new Properties();
        for (Path file : List.of(module.resolve("src/main/resources/application.properties"),
                ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"))) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
        }
        Set<String> variables = new HashSet<>();
        for (String key : properties.stringPropertyNames()) {
            String plain = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            variables.add(plain.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
        }
        return variables;
    }

    private static String property(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(matcher.find()).as(name + " in pom.xml").isTrue();
        return matcher.group(1);
    }
}
