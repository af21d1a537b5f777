package io.comanda.orders.reconciliation;

import io.comanda.orders.persistence.UnsettledOrderReports;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The gauges of orders reconciliation reported it cannot settle that are still PENDING, all of them,
 * counted in the database: {@code comanda.orders.reconcile.unknown} (payments-service knows nothing of
 * them; an alert while above zero) and {@code comanda.orders.reconcile.unsettled} (for any reason). Every
 * instance counts as often as reconciliation runs, whichever instance ran it, so none shows a number gone
 * stale; the one that ran it counts again at once.
 */
@ApplicationScoped
public class UnsettledOrdersGauge {

    private static final Logger LOG = Logger.getLogger(UnsettledOrdersGauge.class);

    private final UnsettledOrderReports reports;
    private final AtomicLong unknown = new AtomicLong();
    private final AtomicLong unsettled = new AtomicLong();
    private volatile boolean stopping;

    public UnsettledOrdersGauge(UnsettledOrderReports reports, MeterRegistry registry) {
        this.reports = reports;
        // Registered at once: an alert must find the series before the first report.
        Gauge.builder("comanda.orders.reconcile.unknown", unknown, AtomicLong::get)
                .description("Orders still PENDING that reconciliation reported because payments-service knew nothing of them")
                .register(registry);
        Gauge.builder("comanda.orders.reconcile.unsettled", unsettled, AtomicLong::get)
                .description("Orders still PENDING that reconciliation reported it cannot settle, for any reason")
                .register(registry);
    }

    @Scheduled(every = "${comanda.orders.reconcile.every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> count() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        return reports.countStillPending().invoke(counts -> {
            unknown.set(counts.unknown());
            unsettled.set(counts.reported());
        }).onFailure().recoverWithItem(failure -> {
            LOG.debugf("Cannot count the unsettled orders now: %s", failure.getMessage());
            return null;
        }).replaceWithVoid();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }
}
