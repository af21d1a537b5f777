package io.comanda.devstack.quarkus;

import io.comanda.devstack.parts.PostgresServer;

import java.util.List;

/**
 * What a test run knows of each part it shares, one record per part: the values the test resources
 * hand to the application under test, and what a test needs to reach or restart a part. These
 * records are what {@link PartRegistry} keeps; their component names are their JSON field names.
 */
public final class SharedParts {

    private SharedParts() {
    }

    /**
     * @param bootstrapServers what {@code kafka.bootstrap.servers} takes
     * @param process          the broker's own JVM when it is restartable; null when it runs in-process
     */
    public record Kafka(String bootstrapServers, KafkaJvm process) {
    }

    /** A broker in its own JVM: enough to stop it and start it again on the same ports and data. */
    public record KafkaJvm(long pid, int port, int controllerPort, String directory) {
    }

    /**
     * The PostgreSQL server; each service's database on it is made by {@link TestStack#database}.
     *
     * @param pid     the postmaster's PID, which {@link TestStack#stopPostgres()} stops
     * @param command its command line (data directory, port, settings), which {@link TestStack#restartPostgres()}
     *                runs again
     */
    public record Postgres(String host, int port, long pid, List<String> command) {

        public Database database(String name) {
            return new Database(PostgresServer.jdbcUrl(host, port, name), PostgresServer.reactiveUrl(host, port, name),
                    PostgresServer.USER, PostgresServer.PASSWORD);
        }
    }

    /** A service's database, as Flyway (JDBC) and Hibernate Reactive (reactive URL) connect to it. */
    public record Database(String jdbcUrl, String reactiveUrl, String username, String password) {
    }

    /** The Kafka Connect worker with the Debezium PostgreSQL plugin. */
    public record Connect(String url, String log) {
    }

    /** Keycloak with the {@code comanda} realm; {@code realmUrl} is the issuer services check. */
    public record Keycloak(String url, String realmUrl) {
    }

    /**
     * The SMTP server (GreenMail) in its own JVM; {@code imapPort} is where its mailboxes are read.
     *
     * @param pid its process, to stop it as an outage would
     */
    public record Smtp(String host, int port, int imapPort, long pid) {
    }

    /** The Stripe emulator; {@code apiBase} is what {@code comanda.stripe.api-base} takes. */
    public record Stripe(String apiBase) {
    }

    /** The Zipkin trace store; {@code url} serves its query API, {@code spansEndpoint} takes spans. */
    public record Zipkin(String url, String spansEndpoint) {
    }
}
