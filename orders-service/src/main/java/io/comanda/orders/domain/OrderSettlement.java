package io.comanda.orders.domain;

import io.comanda.events.PaymentOutcome;
import io.comanda.platform.inbox.DuplicateDeliveries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Moves an order to CONFIRMED or CANCELLED when its payment outcome arrives, and announces it, in one
 * transaction with the inbox record, so a redelivered outcome changes nothing.
 */
@ApplicationScoped
public class OrderSettlement {

    /** The inbox's name of this consumer. */
    public static final String CONSUMER = "orders-service";
    private static final Logger LOG = Logger.getLogger(OrderSettlement.class);

    private final SettlementStore store;
    private final MeterRegistry metrics;
    private final DuplicateDeliveries duplicates;
    private final Counter mismatches;
    private final WaitingDeadLetters deadLetters;

    public OrderSettlement(SettlementStore store, MeterRegistry metrics, DuplicateDeliveries duplicates,
                           WaitingDeadLetters deadLetters) {
        this.store = store;
        this.metrics = metrics;
        this.duplicates = duplicates;
        this.deadLetters = deadLetters;
        // Registered at once: the alert on it must find the series before the first mismatch.
        this.mismatches = Counter.builder("comanda.orders.outcome_mismatches")
                .description("Payment outcomes dead-lettered because their customer, amount or currency is not the order's")
                .register(metrics);
    }

    /**
     * Applies a payment outcome as its event arrives.
     *
     * @throws UnknownOrderException    (in the Uni) when no such order is visible: it may be in a moment
     * @throws OutcomeMismatchException (in the Uni) when the outcome's customer, amount or currency is not the
     *                                  PENDING order's: it must not settle it
     */
    @WithSpan("settle order")
    public Uni<Void> applyOutcome(UUID eventId, PaymentOutcome outcome) {
        return apply(eventId, outcome, false);
    }

    /**
     * Applies a payment outcome that reconciliation found at payments-service; the order's dead letters (its
     * outcome parked before, keyed by the order) then leave the list: what they waited for has happened. Only
     * here: an outcome applied as its event arrives was not parked, and the hot path gains no statement.
     *
     * @throws UnknownOrderException    as {@link #applyOutcome}
     * @throws OutcomeMismatchException as {@link #applyOutcome}
     */
    @WithSpan("settle order")
    public Uni<Void> applyReconciledOutcome(UUID eventId, PaymentOutcome outcome) {
        return apply(eventId, outcome, true);
    }

    private Uni<Void> apply(UUID eventId, PaymentOutcome outcome, boolean reconciled) {
        Settlement settlement = Settlement.of(outcome);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return store.settle(CONSUMER, eventId, outcome.orderId(), outcome.customerId(), outcome.amount(), settlement,
                        now, found -> requireMatchingOrder(outcome, found),
                        order -> settlement.announcement(outcome, order.orderId(), order.customerId(),
                                order.total(), now, order.version()))
                .invoke(done -> {
                    duplicates.absorbed(CONSUMER, done.firstDelivery() ? 0 : 1);
                    if (done.settled() != null) {
                        // From the 201 to the outcome: what a customer waits for.
                        metrics.timer("comanda.orders.settlement.latency", "status", settlement.status().name())
                                .record(Duration.between(done.settled().createdAt(), now));
                    } else if (done.firstDelivery()) {
                        LOG.warnf("Ignored %s for order %s, which is already %s", outcome.type().ceType(),
                                outcome.orderId(), done.statusBefore());
                        metrics.counter("comanda.orders.ignored_transitions",
                                "event", outcome.type().ceType(), "status", done.statusBefore().name()).increment();
                    }
                })
                .chain(done -> done.settled() == null || !reconciled ? Uni.createFrom().voidItem()
                        : settleWaitingDeadLetters(outcome, settlement, eventId));
    }

    // The settlement is committed: a failure here leaves the dead letters listed, never undoes it.
    private Uni<Void> settleWaitingDeadLetters(PaymentOutcome outcome, Settlement settlement, UUID eventId) {
        String why = "order " + outcome.orderId() + " was settled " + settlement.status() + " by reconciliation, with its payment outcome "
                + eventId;
        return deadLetters.orderSettled(outcome.orderId(), why)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("The dead letters of order %s stay listed although it is settled: %s", outcome.orderId(),
                            failure.toString());
                    return null;
                });
    }

    // Thrown inside the transaction, so the inbox record rolls back with it and the record is parked.
    private SettlementResult requireMatchingOrder(PaymentOutcome outcome, SettlementResult found) {
        if (found.firstDelivery() && found.statusBefore() == null) {
            throw new UnknownOrderException(outcome.orderId());
        }
        if (found.firstDelivery() && found.statusBefore() == OrderStatus.PENDING && !found.matches()) {
            mismatches.increment();
            throw new OutcomeMismatchException(outcome, outcome.orderId());
        }
        return found;
    }
}
