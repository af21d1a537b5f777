package io.comanda.devstack.quarkus;

import io.comanda.devstack.parts.ConnectWorker;

import java.util.Map;

/**
 * The Debezium relay of a service's outbox: a real Kafka Connect worker (on the run's broker and
 * PostgreSQL) running the connector file named by the init argument {@code connector} (e.g.
 * {@code orders-outbox} for {@code debezium/orders-outbox.json}). Sets no configuration: the service
 * talks to Kafka and PostgreSQL, never to the worker.
 *
 * <p>The connector reads the outbox table's publication, which the application creates with its
 * schema when it starts, after this resource's {@link #start()}. So the connector is registered when
 * Quarkus hands this resource the first test instance ({@link #inject(Object)}), which happens once the
 * application runs and before any test method; it is running before the first test starts.
 */
public class OutboxRelayTestResource extends SharedPartResource {

    public static final String CONNECTOR = "connector";

    private String connector;
    private String connectUrl;
    private boolean registered;

    @Override
    public void init(Map<String, String> initArgs) {
        connector = InitArguments.required(initArgs, CONNECTOR, getClass());
    }

    @Override
    public Map<String, String> start() {
        connectUrl = TestStack.connect().url();
        return Map.of();
    }

    @Override
    public void inject(Object testInstance) {
        if (!registered) {
            ConnectWorker.ensureRegistered(connectUrl, connector);
            registered = true;
        }
    }
}
