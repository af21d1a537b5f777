package io.comanda.payments.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Where Stripe is and how to talk to it. */
@ConfigMapping(prefix = "comanda.stripe")
public interface StripeConfig {

    /** Stripe's API base URL: {@code https://api.stripe.com}, or the emulator's locally. */
    String apiBase();

    /** The secret API key ({@code sk_live_...} / {@code sk_test_...}). */
    String secretKey();

    /**
     * Retries the SDK makes itself, with the same idempotency key, before a failure is reported: none by
     * default, since each holds its batch (a 500 it retries is replayed from the key anyway); an ambiguous
     * answer is resolved in the background, a 429 retried alone in place.
     */
    @WithDefault("0")
    int maxNetworkRetries();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("20s")
    Duration readTimeout();

    /**
     * Requests a second the client sends at most, 0 for no limit. The default suits the emulator;
     * against Stripe set what the account allows (25 in test mode, 100 live, unless raised).
     */
    @WithDefault("5000")
    double maxRequestsPerSecond();

    /** How a PaymentIntent that answered {@code processing} is asked again until it is final. */
    ProcessingPoll processingPoll();

    /**
     * Retrieves of a processing PaymentIntent wait {@link #firstDelay()}, then twice as long each time up
     * to {@link #maxDelay()}; past {@link #timeout()} the charge is a transient failure, and its retry
     * finds the same PaymentIntent under the order's idempotency key.
     */
    interface ProcessingPoll {

        @WithDefault("250ms")
        Duration firstDelay();

        @WithDefault("2s")
        Duration maxDelay();

        /** Bounded so one slow payment holds a charge worker, and its record, for no longer than this. */
        @WithDefault("20s")
        Duration timeout();
    }
}
