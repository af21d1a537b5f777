package io.comanda.payments.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long the provider's answers can be trusted: its idempotency keys, and its search. */
@ConfigMapping(prefix = "comanda.stripe")
public interface KeyWindows {

    /**
     * How long after its first use an idempotency key is trusted to answer for its charge: shorter than
     * the provider's own window (Stripe keeps keys 24 h), so a key is never used as it is forgotten.
     */
    @WithDefault("23h")
    Duration idempotencyKeyWindow();

    /**
     * How long after an indeterminate answer the provider's search is trusted to show a PaymentIntent
     * that answer may have created (Stripe's search lags, typically by less than a minute).
     */
    @WithDefault("1m")
    Duration searchConsistency();
}
