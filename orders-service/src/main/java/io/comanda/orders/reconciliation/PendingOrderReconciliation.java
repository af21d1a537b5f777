package io.comanda.orders.reconciliation;

import io.comanda.orders.persistence.PendingOrderKey;
import io.comanda.orders.persistence.PendingOrders;
import io.comanda.orders.persistence.UnsettledOrderReports;
import io.comanda.platform.sql.ExclusiveRuns;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Settles orders whose payment outcome event never arrived (lost, or dead-lettered and discarded): on
 * a schedule, it reconciles ({@link OrderReconciler}) every order PENDING for longer than
 * {@code comanda.orders.reconcile.pending-age}, a page of {@code batch-size} orders at a time, each page
 * starting after the last order of the one before: orders it cannot settle stay PENDING, and never keep
 * it from reaching younger ones. One instance runs it at a time (an advisory lock); the others skip.
 */
@ApplicationScoped
public class PendingOrderReconciliation {

    private static final Logger LOG = Logger.getLogger(PendingOrderReconciliation.class);
    static final String JOB = "orders-service reconciliation of pending orders";

    private final ReconciliationConfig config;
    private final PendingOrders pending;
    private final OrderReconciler reconciler;
    private final UnsettledOrderReports reports;
    private final ExclusiveRuns exclusive;
    private final UnsettledOrdersGauge gauge;
    // The schedule keeps firing while the service stops, after its database pool has closed.
    private volatile boolean stopping;

    public PendingOrderReconciliation(ReconciliationConfig config, PendingOrders pending, OrderReconciler reconciler,
                                      UnsettledOrderReports reports, ExclusiveRuns exclusive,
                                      UnsettledOrdersGauge gauge) {
        this.config = config;
        this.pending = pending;
        this.reconciler = reconciler;
        this.reports = reports;
        this.exclusive = exclusive;
        this.gauge = gauge;
    }

    @Scheduled(every = "${comanda.orders.reconcile.every:1m}", delayed = "${comanda.orders.reconcile.every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> reconcile() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        return exclusive.ifNoneRunning(JOB, this::run)
                .invoke(ran -> ran.filter(run -> run.orders() > 0).ifPresent(run -> LOG.infof(
                        "Reconciled %d orders PENDING for over %s: %d settled, %d cannot be settled, %d failed",
                        run.orders(), config.pendingAge(), run.settled(), run.unsettleable(), run.failed())))
                .onFailure().invoke(failure -> LOG.warnf("Reconciliation of pending orders failed: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .chain(gauge::count);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    private Uni<ReconciliationRun> run() {
        return reports.forgetSettled().chain(() -> reconcileFrom(null, ReconciliationRun.NONE));
    }

    private Uni<ReconciliationRun> reconcileFrom(PendingOrderKey after, ReconciliationRun sofar) {
        return pending.olderThan(config.pendingAge(), after, config.batchSize()).chain(page -> reconcileEach(page)
                .chain(done -> {
                    ReconciliationRun total = sofar.plus(done);
                    return page.size() < config.batchSize() || stopping ? Uni.createFrom().item(total)
                            : reconcileFrom(page.get(page.size() - 1), total);
                }));
    }

    // One order after another: a run is a background chore and must not flood payments-service.
    private Uni<ReconciliationRun> reconcileEach(List<PendingOrderKey> page) {
        return Multi.createFrom().iterable(page)
                .onItem().transformToUniAndConcatenate(order -> reconciler.reconcile(order.id()))
                .map(ReconciliationRun.NONE::plus)
                .collect().with(Collectors.reducing(ReconciliationRun.NONE, ReconciliationRun::plus));
    }
}
