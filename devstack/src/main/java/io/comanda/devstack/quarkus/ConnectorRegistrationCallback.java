package io.comanda.devstack.quarkus;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Registers the outbox connectors asked for by {@link OutboxRelayTestResource} once the application
 * under test has started (and so migrated its schema), before the first test method runs.
 */
public class ConnectorRegistrationCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        SharedStack.registerPendingConnectors();
    }
}
