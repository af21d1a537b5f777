package io.comanda.platform.deadletters;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Lets dead letters wait again whose replay claim is older than {@code comanda.dead-letters.stale-claim-after}:
 * the instance that claimed them stopped before it marked them replayed. Checked every
 * {@code comanda.dead-letters.count-every}; one conditional update, harmless on every instance at once.
 */
@ApplicationScoped
public class StaleReplayClaims {

    private static final Logger LOG = Logger.getLogger(StaleReplayClaims.class);

    private final DeadLetterClaims claims;
    private final DeadLetterConfig config;

    public StaleReplayClaims(DeadLetterClaims claims, DeadLetterConfig config) {
        this.claims = claims;
        this.config = config;
    }

    @Scheduled(every = "${comanda.dead-letters.count-every:15s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return claims.releaseStale(config.staleClaimAfter()).invoke(released -> {
            if (released > 0) {
                LOG.warnf("%d dead letters claimed for a replay more than %s ago wait again: the instance that "
                        + "claimed them stopped mid-replay", released, config.staleClaimAfter());
            }
        }).onFailure().recoverWithItem(failure -> {
            LOG.debugf("Cannot release stale replay claims now: %s", failure.getMessage());
            return 0;
        }).replaceWithVoid();
    }
}
