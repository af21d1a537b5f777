package io.comanda.payments.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How payments-service takes payments. */
@ConfigMapping(prefix = "comanda.payments")
public interface PaymentsConfig {

    /**
     * How many charges are in flight at once, over every batch: each holds a worker thread for the
     * provider's round trip, so at 100 ms a charge 128 of them allow some 1,200 charges a second.
     */
    @WithDefault("128")
    int maxConcurrentCharges();

    /**
     * How long a batch waits for one charge's answer: past it the charge is unresolved, recorded as such
     * and asked again in the background, so one slow answer does not hold the rest of its partition.
     */
    @WithDefault("3s")
    Duration chargeDeadline();

    /**
     * How long a settled charge attempt (its payment recorded, nothing unresolved) is kept after its key's
     * first use: as long as the inbox remembers the order's {@code OrderPlaced}; past it, the payment row
     * alone answers a redelivery. An unresolved attempt is never deleted.
     */
    @WithDefault("30d")
    Duration chargeAttemptRetention();

    /** How unresolved charges are resolved in the background ({@link ChargeResolution}). */
    Resolution resolution();

    interface Resolution {

        /** How often unresolved charges that are due are tried again. */
        @WithDefault("1s")
        Duration every();

        /** The first pause before an unresolved charge is tried again; it doubles with each try. */
        @WithDefault("1s")
        Duration firstDelay();

        /** The longest pause between two tries. */
        @WithDefault("1m")
        Duration maxDelay();

        /** How many unresolved charges one run takes at most. */
        @WithDefault("200")
        int batchSize();
    }
}
