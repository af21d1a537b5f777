package io.comanda.orders.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long idempotency keys are remembered (the platform's retention purge deletes expired ones). */
@ConfigMapping(prefix = "comanda.idempotency")
public interface IdempotencyConfig {

    /** How long a key replays its first response; after that it may be used for a new request. */
    @WithDefault("24h")
    Duration retention();
}
