package io.comanda.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A packaged service started in production with none of its settings refuses to start, with one line
 * naming what to set, instead of starting on development values (the local database password, the
 * emulator's key, a Keycloak on 127.0.0.1).
 */
class ProductionConfigurationIT {

    private static final Map<String, List<String>> REQUIRED = Map.of(
            "orders-service", List.of("kafka.bootstrap.servers", "quarkus.datasource", "quarkus.oidc.auth-server-url",
                    "comanda.payments.url", "quarkus.oidc-client.credentials.secret"),
            "payments-service", List.of("kafka.bootstrap.servers", "quarkus.datasource", "comanda.stripe",
                    "quarkus.oidc.auth-server-url"),
            "notifications-service", List.of("kafka.bootstrap.servers", "quarkus.datasource", "comanda.keycloak.url",
                    "quarkus.oidc-client.credentials.secret", "quarkus.mailer.host"),
            "search-indexer", List.of("kafka.bootstrap.servers", "quarkus.datasource", "quarkus.oidc.auth-server-url"));

    @ParameterizedTest
    @ValueSource(strings = {"orders-service", "payments-service", "notifications-service", "search-indexer"})
    void aServiceStartedWithoutItsProductionSettingsStopsNamingOne(String service) throws Exception {
        Path jar = ComandaCli.ROOT.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("packaged " + service).exists();
        Path output = Files.createTempFile(service, ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // Nothing from this machine's environment: a deployment that forgot every variable.
        builder.environment().clear();
        builder.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        Process process = builder.start();
        try {
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as(service + " stops by itself").isTrue();
            assertThat(process.exitValue()).as(service + " exit code").isNotZero();
        } finally {
            process.destroyForcibly();
        }

        List<String> lines = readLines(output);
        assertThat(lines).as(service + " says which setting is missing")
                .anySatisfy(line -> assertThat(line).containsAnyOf(REQUIRED.get(service).toArray(String[]::new)));
        assertThat(String.join("\n", lines)).as(service + " never got as far as listening")
                .doesNotContain("Listening on");
    }

    private static List<String> readLines(Path output) throws IOException {
        try {
            return Files.readAllLines(output);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
