package io.comanda.orders.reconciliation;

import io.comanda.orders.domain.OrderSettlement;
import io.comanda.orders.domain.UnsettleableOutcomeException;
import io.comanda.orders.gateway.PaymentState;
import io.comanda.orders.gateway.Payments;
import io.comanda.orders.persistence.UnsettledOrderReports;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * Reconciles one order left PENDING: asks payments-service about it and settles it through
 * {@link OrderSettlement}, the path the outcome event takes, under the event's own id, so the event
 * arriving later changes nothing. An order it cannot settle (payments-service knows nothing of it, or its
 * payment does not match it) is reported once, with its reason, and never cancelled: its charge may
 * still be on its way.
 */
@ApplicationScoped
public class OrderReconciler {

    private static final Logger LOG = Logger.getLogger(OrderReconciler.class);
    static final String UNKNOWN = "payments-service has no payment for it";

    private final Payments payments;
    private final OrderSettlement settlement;
    private final UnsettledOrderReports reports;
    private final ReconciliationMetrics metrics;

    public OrderReconciler(Payments payments, OrderSettlement settlement, UnsettledOrderReports reports,
                           ReconciliationMetrics metrics) {
        this.payments = payments;
        this.settlement = settlement;
        this.reports = reports;
        this.metrics = metrics;
    }

    /** What reconciling one order came to. */
    enum Result { SETTLED, UNSETTLEABLE, FAILED }

    Uni<Result> reconcile(UUID orderId) {
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
            return report(orderId, true, UNKNOWN);
        }
        PaymentState payment = state.get();
        return settlement.applyReconciledOutcome(payment.outcomeEventId(), payment.outcome())
                .invoke(() -> {
                    metrics.settled(payment.status());
                    LOG.infof("Reconciled order %s with its payment %s (%s)", orderId, payment.paymentId(),
                            payment.status());
                })
                .replaceWith(Result.SETTLED)
                .onFailure(UnsettleableOutcomeException.class)
                .recoverWithUni(failure -> report(orderId, false, failure.getMessage()));
    }

    // Reported once per order and reason, whichever instance ran and however often it restarted.
    private Uni<Result> report(UUID orderId, boolean unknown, String reason) {
        return reports.report(orderId, unknown, reason).invoke(news -> {
            if (news) {
                metrics.reported(unknown);
                LOG.warnf("Order %s stays PENDING, reconciliation cannot settle it: %s", orderId, reason);
            }
        }).replaceWith(Result.UNSETTLEABLE);
    }
}
