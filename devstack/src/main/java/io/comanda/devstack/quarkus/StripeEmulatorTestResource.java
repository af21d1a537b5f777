package io.comanda.devstack.quarkus;

import java.util.Map;

/**
 * The Stripe emulator as the service's payment provider. Sets {@code comanda.stripe.api-base} and
 * {@code comanda.test.stripe-url} (where tests steer it through its {@code /_emulator} endpoints).
 */
public class StripeEmulatorTestResource extends SharedPartResource {

    @Override
    public Map<String, String> start() {
        String apiBase = TestStack.stripe().apiBase();
        return Map.of("comanda.stripe.api-base", apiBase, "comanda.test.stripe-url", apiBase);
    }
}
