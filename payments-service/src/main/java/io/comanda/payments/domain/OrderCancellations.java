package io.comanda.payments.domain;

import io.comanda.platform.sql.ExclusiveRuns;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * What an order's cancellation means for its payment: from then on it is never charged (a charge still
 * unresolved is looked up, not made anew), and a charge it has is refunded in full, once
 * ({@link PaymentGateway#refund}: the provider's refunds of the charge are listed before one is made).
 * The refund is recorded on the payment; the order's outcome has flowed already, as its cancellation. A
 * sweep every 30 s refunds what is still owed (a refund that failed, a charge found just as its order was
 * cancelled).
 */
@ApplicationScoped
public class OrderCancellations {

    private static final Logger LOG = Logger.getLogger(OrderCancellations.class);
    private static final int SWEEP_BATCH = 100;
    private static final String REFUND_SWEEP = "refund-sweep";

    private final PaymentStore payments;
    private final PaymentGateway gateway;
    private final ExclusiveRuns exclusive;

    public OrderCancellations(PaymentStore payments, PaymentGateway gateway, ExclusiveRuns exclusive) {
        this.payments = payments;
        this.gateway = gateway;
        this.exclusive = exclusive;
    }

    /**
     * Records the orders as cancelled and refunds those charged.
     *
     * @return the orders whose refund failed transiently, to be tried again
     */
    public Uni<List<UUID>> cancel(List<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return payments.cancel(orderIds).chain(this::refund);
    }

    /**
     * Refunds what a cancelled order's charge is owed and nothing refunded yet: a refund that failed, or a
     * charge recorded by the background resolution just as its order was cancelled. Refunds are idempotent
     * (listed first, one key per order), so two instances sweeping at once would refund once; one sweeps at a
     * time all the same ({@link ExclusiveRuns}), so that the provider is not asked twice.
     */
    @Scheduled(every = "${comanda.payments.refund-sweep-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refundWhatIsOwed() {
        return exclusive.ifNoneRunning(REFUND_SWEEP, () -> payments.cancelledAndCharged(SWEEP_BATCH).chain(this::refund))
                .replaceWithVoid();
    }

    /** Refunds the charges of these cancelled orders that are not refunded yet. */
    public Uni<List<UUID>> refundCharged(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return payments.chargedNotRefunded(List.copyOf(orderIds)).chain(this::refund);
    }

    private Uni<List<UUID>> refund(List<PaymentStore.ChargedPayment> charged) {
        if (charged.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Context context = Vertx.currentContext();
        Executor resume = context == null ? Infrastructure.getDefaultExecutor()
                : task -> context.runOnContext(ignored -> task.run());
        // The provider's SDK blocks: refunds are rare, so one worker does them one after the other.
        return Uni.createFrom().item(() -> refundEach(charged)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(resume)
                .chain(outcome -> payments.refunded(outcome.refunds()).replaceWith(outcome.failed()));
    }

    private RefundOutcome refundEach(List<PaymentStore.ChargedPayment> charged) {
        List<PaymentStore.Refund> refunds = new ArrayList<>();
        List<UUID> failed = new ArrayList<>();
        for (PaymentStore.ChargedPayment payment : charged) {
            try {
                String refund = gateway.refund(payment.orderId(), payment.providerReference());
                refunds.add(new PaymentStore.Refund(payment.orderId(), refund));
                LOG.infof("Order %s was cancelled: its charge %s is refunded (%s)", payment.orderId(),
                        payment.providerReference(), refund);
            } catch (RuntimeException e) {
                LOG.warnf("Order %s was cancelled, but refunding its charge %s failed: %s", payment.orderId(),
                        payment.providerReference(), e.getMessage());
                failed.add(payment.orderId());
            }
        }
        return new RefundOutcome(refunds, failed);
    }

    private record RefundOutcome(List<PaymentStore.Refund> refunds, List<UUID> failed) {
    }
}
