package io.comanda.devstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** The Stripe emulator as the service's payment provider ({@code comanda.stripe.api-base}). */
public class StripeEmulatorTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String apiBase = SharedStack.stripe().get("api-base");
        return Map.of("comanda.stripe.api-base", apiBase, "comanda.test.stripe-url", apiBase);
    }

    @Override
    public void stop() {
        // Shared by every test class of the run; stopped when the JVM exits.
    }
}
