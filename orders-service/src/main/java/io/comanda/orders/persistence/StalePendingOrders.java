package io.comanda.orders.persistence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The gauge {@code comanda.orders.pending.stale}: how many orders have waited for their payment
 * outcome for more than five minutes. Counted on a schedule, because a gauge is read synchronously and
 * the database is reactive; an alert fires while it stays above zero.
 */
@ApplicationScoped
public class StalePendingOrders {

    private static final String COUNT = "select count(*) from customer_order"
            + " where status = 'PENDING' and created_at < now() - interval '5 minutes'";

    private final AtomicLong stale = new AtomicLong();

    public StalePendingOrders(MeterRegistry metrics) {
        Gauge.builder("comanda.orders.pending.stale", stale, AtomicLong::get)
                .description("Orders PENDING for more than five minutes").register(metrics);
    }

    @Scheduled(every = "${comanda.orders.stale-check-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> count() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(COUNT)
                        .getSingleResult()))
                .invoke(count -> stale.set(((Number) count).longValue()))
                .replaceWithVoid();
    }
}
