package io.comanda.payments.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How payments-service takes payments. */
@ConfigMapping(prefix = "comanda.payments")
public interface PaymentsConfig {

    /**
     * How many charges are in flight at once, over every batch: each holds a worker thread for the
     * provider's round trip, so at 100 ms a charge 128 of them allow some 1,200 charges a second.
     */
    @WithDefault("128")
    int maxConcurrentCharges();
}
