package io.comanda.payments.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long the provider's answers can be trusted: its idempotency keys, and its requests' execution. */
@ConfigMapping(prefix = "comanda.stripe")
public interface KeyWindows {

    /**
     * How long after the order was placed (or a later key generation first used) its key is trusted to
     * answer for its charge: shorter than the provider's own window (Stripe keeps keys at least 24 h), so
     * a key is never used as it is forgotten.
     */
    @WithDefault("23h")
    Duration idempotencyKeyWindow();

    /**
     * The longest a request can still be executing at the provider after it was sent: no request goes
     * out under a key this close to the end of its window, so a look-up once the window is over sees
     * everything the key did.
     */
    @WithDefault("10m")
    Duration requestExecutionLimit();

    /**
     * How far the provider's clock may be behind ours, with its timestamps' whole seconds: a consistent
     * look-up of an order's PaymentIntents starts this long before the earliest they can have been
     * created. Every PaymentIntent the account created since then is listed (a page of 100 at a time), so
     * this is kept short: both clocks are assumed synchronised (NTP).
     */
    @WithDefault("5s")
    Duration clockSkew();
}
