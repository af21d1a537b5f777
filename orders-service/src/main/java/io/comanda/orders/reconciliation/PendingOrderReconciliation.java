package io.comanda.orders.reconciliation;

import io.comanda.orders.domain.OrderSettlement;
import io.comanda.orders.domain.UnsettleableOutcomeException;
import io.comanda.orders.gateway.PaymentState;
import io.comanda.orders.gateway.Payments;
import io.comanda.orders.persistence.PendingOrders;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Settles orders whose payment outcome event never arrived (lost, or dead-lettered and discarded):
 * on a schedule, it asks payments-service about each order PENDING for longer than
 * {@code comanda.orders.reconcile.pending-age} and settles it through {@link OrderSettlement}, the path
 * the outcome event takes, under the event's own id, so the event arriving later changes nothing. An
 * order payments-service knows nothing of is reported, never cancelled: its charge may still be on its
 * way.
 */
@ApplicationScoped
public class PendingOrderReconciliation {

    private static final Logger LOG = Logger.getLogger(PendingOrderReconciliation.class);

    private final ReconciliationConfig config;
    private final PendingOrders pending;
    private final Payments payments;
    private final OrderSettlement settlement;
    private final ReconciliationMetrics metrics;
    // The schedule keeps firing while the service stops, after its database pool has closed.
    private volatile boolean stopping;

    public PendingOrderReconciliation(ReconciliationConfig config, PendingOrders pending, Payments payments,
                                      OrderSettlement settlement, ReconciliationMetrics metrics) {
        this.config = config;
        this.pending = pending;
        this.payments = payments;
        this.settlement = settlement;
        this.metrics = metrics;
    }

    @Scheduled(every = "${comanda.orders.reconcile.every:1m}", delayed = "${comanda.orders.reconcile.every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> reconcile() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        return pending.olderThan(config.pendingAge(), config.batchSize())
                .chain(this::reconcileEach)
                .invoke(metrics::unknownAtLastRun)
                .onFailure().invoke(failure -> LOG.warnf("Reconciliation of pending orders failed: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    // One order after another: a run is a background chore and must not flood payments-service.
    private Uni<Long> reconcileEach(List<UUID> orderIds) {
        return Multi.createFrom().iterable(orderIds)
                .onItem().transformToUniAndConcatenate(this::reconcile)
                .filter(Result.UNKNOWN::equals)
                .collect().with(Collectors.counting());
    }

    private Uni<Result> reconcile(UUID orderId) {
        return payments.ofOrder(orderId)
                .chain(state -> settle(orderId, state))
                .onFailure().recoverWithItem(failure -> {
                    metrics.failed();
                    LOG.warnf("Could not reconcile order %s, left PENDING until the next run: %s", orderId,
                            failure.toString());
                    return Result.FAILED;
                });
    }

    private Uni<Result> settle(UUID orderId, Optional<PaymentState> state) {
        if (state.isEmpty()) {
            metrics.unknown();
            LOG.warnf("Order %s has been PENDING for over %s and payments-service has no payment for it",
                    orderId, config.pendingAge());
            return Uni.createFrom().item(Result.UNKNOWN);
        }
        PaymentState payment = state.get();
        return settlement.applyOutcome(payment.outcomeEventId(), payment.outcome())
                .invoke(() -> {
                    metrics.settled(payment.status());
                    LOG.infof("Reconciled order %s with its payment %s (%s)", orderId, payment.paymentId(),
                            payment.status());
                })
                .replaceWith(Result.SETTLED)
                .onFailure(UnsettleableOutcomeException.class).recoverWithItem(failure -> {
                    metrics.failed();
                    LOG.warnf("Order %s stays PENDING: %s", orderId, failure.getMessage());
                    return Result.FAILED;
                });
    }

    private enum Result { SETTLED, UNKNOWN, FAILED }
}
