package io.comanda.orders.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long idempotency keys are remembered, and how often forgotten ones are purged. */
@ConfigMapping(prefix = "comanda.idempotency")
public interface IdempotencyConfig {

    /** How long a key replays its first response; after that it may be used for a new request. */
    @WithDefault("24h")
    Duration retention();

    /** How often expired keys are deleted (a Quarkus scheduler interval, e.g. {@code 1h}). */
    @WithDefault("1h")
    String purgeEvery();

    /** How long after start the first purge runs. */
    @WithDefault("1m")
    String purgeDelay();
}
