package io.comanda.orders.domain;

import io.comanda.platform.logging.UntrustedText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Cancels a PENDING order for an operator and announces it with {@code OrderCancelled}, as a failed
 * payment does; payments-service refunds a charge it holds for the order when that event reaches it. The
 * update is conditional on PENDING, so of a cancel and a payment outcome racing for one order only one
 * moves it, and a repeated cancel is refused: the outcome is announced once. A payment outcome arriving
 * after the cancel is ignored and counted by {@link OrderSettlement}.
 */
@ApplicationScoped
public class OperatorCancellation {

    private static final Logger LOG = Logger.getLogger(OperatorCancellation.class);

    private final CancellationStore store;
    private final Counter cancels;

    public OperatorCancellation(CancellationStore store, MeterRegistry metrics) {
        this.store = store;
        // Registered at once, so a dashboard finds the series before the first cancel.
        this.cancels = Counter.builder("comanda.orders.cancelled_by_operator")
                .description("PENDING orders an operator cancelled")
                .register(metrics);
    }

    /**
     * @throws NoSuchOrderException         (in the Uni) when there is no such order
     * @throws OrderNotCancellableException (in the Uni) when the order is not PENDING; nothing changed
     */
    @WithSpan("cancel order")
    public Uni<SettledOrder> cancel(UUID orderId, OperatorCancel cancel) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return store.cancel(orderId, cancel, now, order -> cancel.announcement(order, now))
                .map(result -> OperatorCancel.cancelledOrder(orderId, result))
                .invoke(order -> {
                    cancels.increment();
                    LOG.infof("Order %s cancelled by operator %s (version %d): %s", orderId,
                            UntrustedText.of(cancel.operator()), order.version(),
                            UntrustedText.of(cancel.operatorReason()));
                });
    }
}
