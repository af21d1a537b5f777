package io.comanda.devstack.cli;

import io.comanda.devstack.parts.KeycloakServer;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.SmtpProcess;
import io.comanda.devstack.parts.StackPart;
import io.comanda.devstack.parts.StackPorts;
import io.comanda.devstack.parts.TopicDurability;
import io.comanda.devstack.parts.ZipkinServer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration each service of the local stack starts with, as environment variables, as in
 * production: where the parts it depends on are, on top of the local secrets every start gets. Every
 * instance of a service gets the same.
 *
 * @param kafkaBootstrapServers every broker of the stack
 * @param topics                the durability of the topics a service creates, as many copies as the brokers hold
 */
record ServiceEnvironments(StackPorts ports, PostgresServer postgres, String kafkaBootstrapServers,
                           TopicDurability topics, KeycloakServer realm, SmtpProcess smtp, ZipkinServer zipkin) {

    /** The environment of {@code service}. */
    Map<String, String> of(StackPart service) {
        Map<String, String> env = new LinkedHashMap<>(common());
        // Each service has a database of its own on the one server, named after it.
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(service.operatorName()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.operatorName()));
        switch (service) {
            case ORDERS ->
                // Reconciliation asks payments-service about orders left PENDING.
                    env.put("COMANDA_PAYMENTS_URL", "http://127.0.0.1:" + ports.of(StackPart.PAYMENTS));
            case PAYMENTS ->
                // Production's settings otherwise: the emulator's search lags a minute, as Stripe's does.
                    env.put("COMANDA_STRIPE_API_BASE", "http://127.0.0.1:" + ports.of(StackPart.STRIPE));
            case NOTIFICATIONS -> {
                // Keycloak's admin API gives the recipients' addresses; the realm URL follows from it.
                env.put("COMANDA_KEYCLOAK_URL", realm.url());
                env.put("QUARKUS_MAILER_HOST", smtp.host());
                env.put("QUARKUS_MAILER_PORT", Integer.toString(smtp.port()));
            }
            default -> {
                // search-indexer needs the common parts only.
            }
        }
        return env;
    }

    private Map<String, String> common() {
        Map<String, String> common = new LinkedHashMap<>(topics.environment());
        common.putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                "QUARKUS_OIDC_AUTH_SERVER_URL", realm.realmUrl(),
                // Every span to the local trace store, soon enough for ./comanda trace right after an order.
                "COMANDA_TRACING_EXPORTER", "zipkin",
                "COMANDA_TRACING_ZIPKIN_ENDPOINT", zipkin.spansEndpoint(),
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s",
                // Readable lines in the logs of .comanda/logs, though the services run their production build.
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"));
        return common;
    }
}
