package io.comanda.benchmark;

import io.comanda.devstack.parts.EmbeddedKafka;
import io.comanda.devstack.parts.KeycloakServer;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.QuarkusAppProcess;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the search-indexer benchmarks run the packaged service against: PostgreSQL with its database
 * {@code search}, a Kafka broker and Keycloak, each started fresh under {@code work}, and the service's
 * environment pointing at them (traces off).
 */
final class SearchIndexerParts implements AutoCloseable {

    static final String DATABASE = "search";

    final PostgresServer postgres;
    final EmbeddedKafka kafka;
    final KeycloakServer keycloak;
    private final Path root;
    private final Path work;

    private SearchIndexerParts(Path root, Path work, PostgresServer postgres, EmbeddedKafka kafka, KeycloakServer keycloak) {
        this.root = root;
        this.work = work;
        this.postgres = postgres;
        this.kafka = kafka;
        this.keycloak = keycloak;
    }

    /** Starts the parts, each stopped again if a later one fails to start. */
    static SearchIndexerParts start(Path root, Path work) throws Exception {
        PostgresServer postgres = PostgresServer.start(work.resolve("postgres"), 0, true, work.resolve("logs/postgres.log"));
        try {
            EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"));
            try {
                KeycloakServer keycloak = KeycloakServer.start(work.resolve("keycloak"), 0, work.resolve("logs/keycloak.log"));
                postgres.createDatabase(DATABASE);
                return new SearchIndexerParts(root, work, postgres, kafka, keycloak);
            } catch (Exception | Error e) {
                kafka.close();
                throw e;
            }
        } catch (Exception | Error e) {
            postgres.close();
            throw e;
        }
    }

    /** Starts the packaged search-indexer on {@code port}, ready when this returns. */
    QuarkusAppProcess startService(int port) {
        System.out.println("[benchmark] starting search-indexer ...");
        Map<String, String> environment = Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(DATABASE),
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(DATABASE),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl(),
                "QUARKUS_OTEL_SDK_DISABLED", "true");
        return QuarkusAppProcess.start("search-indexer", root.resolve("search-indexer"), port, "512m", environment,
                work.resolve("logs/search-indexer.log"));
    }

    @Override
    public void close() throws Exception {
        try (postgres; kafka; keycloak) {
            // Closed in reverse order: Keycloak, Kafka, PostgreSQL.
        }
    }
}
