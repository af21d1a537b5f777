package io.comanda.orders.idempotency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Idempotency records in PostgreSQL, beyond the placement's own statements (which read and write them
 * with the order they describe, see {@code PlacementStatements}): forgetting expired ones.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** Deletes expired records. */
    public Uni<Integer> purgeExpired() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from idempotency_record where expires_at <= now()")
                .executeUpdate());
    }
}
