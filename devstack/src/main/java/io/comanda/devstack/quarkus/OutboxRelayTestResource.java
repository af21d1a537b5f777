package io.comanda.devstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The Debezium relay of a service's outbox: a real Kafka Connect worker running the connector file
 * named by the init argument {@code connector} (e.g. {@code orders-outbox} for
 * {@code debezium/orders-outbox.json}).
 *
 * <p>The connector reads the outbox table's publication, which the application creates with its
 * schema at start; so it is registered just before the first test runs, by
 * {@link ConnectorRegistrationCallback}.
 */
public class OutboxRelayTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String CONNECTOR = "connector";

    private String connector;

    @Override
    public void init(Map<String, String> initArgs) {
        connector = initArgs.get(CONNECTOR);
        if (connector == null || connector.isBlank()) {
            throw new IllegalArgumentException("OutboxRelayTestResource needs the init argument '" + CONNECTOR + "'");
        }
    }

    @Override
    public Map<String, String> start() {
        SharedStack.relayWhenReady(connector);
        return Map.of("comanda.test.connect-url", SharedStack.connect().get("url"));
    }

    @Override
    public void stop() {
        // Shared by every test class of the run; stopped when the JVM exits.
    }
}
