package io.comanda.devstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The Stripe emulator as the service's payment provider. Sets {@code comanda.stripe.api-base} and
 * {@code comanda.test.stripe-url} (where tests steer it through its {@code /_emulator} endpoints).
 */
public class StripeEmulatorTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String apiBase = SharedStack.stripe().apiBase();
        return Map.of("comanda.stripe.api-base", apiBase, "comanda.test.stripe-url", apiBase);
    }

    @Override
    public void stop() {
        // Shared by every test class of the run; stopped when the JVM exits.
    }
}
