package io.comanda.orders.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How orders-service consumes payment outcomes. */
@ConfigMapping(prefix = "comanda.orders.outcome")
public interface OutcomeConfig {

    /**
     * How long after its first attempt an outcome for an order not (yet) visible is retried before it is
     * dead-lettered ({@code comanda.orders.outcome.unknown-order-wait}).
     */
    @WithDefault("2M")
    Duration unknownOrderWait();
}
