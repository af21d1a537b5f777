package io.comanda.platform.deadletters;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the dead-letter index is kept and operated ({@code comanda.dead-letters.*}). */
@ConfigMapping(prefix = "comanda.dead-letters")
public interface DeadLetterConfig {

    /**
     * How many dead letters bulk replays send per second, all of an instance's together ({@code replay-rate}):
     * replays share the consumer with live traffic, so bulk replays of thousands must not starve it.
     */
    @WithDefault("200")
    int replayRate();

    /**
     * How long a replay may hold its claim on a dead letter ({@code stale-claim-after}) before the claim is
     * taken for the leftover of an instance that stopped mid-replay and the dead letter waits again. Far
     * longer than a send may take (30 s); a record sent just before the instance stopped may then be sent
     * twice, which the consumer's inbox absorbs.
     */
    @WithDefault("5m")
    Duration staleClaimAfter();

    /** How long a replayed, discarded or settled dead letter stays in the index ({@code keep-resolved}). */
    @WithDefault("30d")
    Duration keepResolved();

    /** How often the waiting gauge is recounted and stale claims are released (a scheduler interval). */
    @WithDefault("15s")
    String countEvery();
}
