package io.comanda.orders.idempotency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Deletes expired idempotency records on a schedule, so the table holds one retention period. */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    private final IdempotencyStore store;

    public IdempotencyPurge(IdempotencyStore store) {
        this.store = store;
    }

    @Scheduled(every = "${comanda.idempotency.purge-every:1h}", delayed = "${comanda.idempotency.purge-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> purge() {
        return Panache.withTransaction(store::purgeExpired)
                .invoke(purged -> {
                    if (purged > 0) {
                        LOG.infof("Purged %d expired idempotency keys", purged);
                    }
                })
                .replaceWithVoid();
    }
}
