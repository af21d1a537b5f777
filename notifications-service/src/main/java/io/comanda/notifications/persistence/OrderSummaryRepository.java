package io.comanda.notifications.persistence;

import io.comanda.notifications.domain.OrderSummary;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Order summaries in PostgreSQL. Call inside a session or transaction of the caller. */
@ApplicationScoped
public class OrderSummaryRepository implements PanacheRepositoryBase<OrderSummary, UUID> {

    /** Keeps {@code summary} unless the order is known already (a redelivered placement). */
    public Uni<Void> keep(OrderSummary summary) {
        return findById(summary.orderId())
                .chain(known -> known != null ? Uni.createFrom().voidItem() : persist(summary).replaceWithVoid())
                .chain(() -> Panache.getSession().chain(session -> session.flush()));
    }
}
