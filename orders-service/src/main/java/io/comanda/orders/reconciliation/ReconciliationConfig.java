package io.comanda.orders.reconciliation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How orders-service reconciles orders left PENDING with what payments-service knows. */
@ConfigMapping(prefix = "comanda.orders.reconcile")
public interface ReconciliationConfig {

    /**
     * How often a run starts (e.g. {@code 1m}, {@code 30s}); {@link PendingOrderReconciliation}'s schedule
     * reads it, and it is declared here so that the whole prefix is checked at start.
     */
    @WithDefault("1m")
    String every();

    /** How long an order waits for its outcome event before reconciliation asks payments-service. */
    @WithDefault("10M")
    Duration pendingAge();

    /**
     * Orders per page, oldest first: a run takes page after page, each after the last order of the one
     * before, until it has reached every order PENDING past the age.
     */
    @WithDefault("100")
    int batchSize();
}
