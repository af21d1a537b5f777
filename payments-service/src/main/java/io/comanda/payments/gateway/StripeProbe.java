package io.comanda.payments.gateway;

import com.stripe.StripeClient;
import io.comanda.platform.messaging.DependencyProbe;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether Stripe accepts our secret key again, asked while payments wait on a refused one: an
 * authenticated read of the account's balance, which charges nothing and is allowed to any secret key.
 * An exception (401 still, or Stripe unreachable) keeps the consumer paused.
 */
@ApplicationScoped
public class StripeProbe implements DependencyProbe {

    /** The dependency's name on the readiness check and in {@code DependencyUnusableException}s. */
    public static final String DEPENDENCY = "stripe";

    private final StripeClient stripe;

    public StripeProbe(StripeConfig config) {
        this.stripe = StripeClient.builder()
                .setApiKey(config.secretKey())
                .setApiBase(config.apiBase())
                // Called again in a few seconds anyway.
                .setMaxNetworkRetries(0)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setReadTimeout((int) config.readTimeout().toMillis())
                .build();
    }

    @Override
    public String dependency() {
        return DEPENDENCY;
    }

    @Override
    public boolean usable() throws Exception {
        stripe.balance().retrieve();
        return true;
    }
}
