package io.comanda.orders.domain;

import io.comanda.events.ComandaEvent;
import io.comanda.events.PaymentOutcome;
import io.comanda.orders.persistence.OrderRepository;
import io.comanda.platform.inbox.ConsumerTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
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

    private final OrderRepository orders;
    private final ConsumerTransaction transaction;
    private final MeterRegistry metrics;

    public OrderSettlement(OrderRepository orders, ConsumerTransaction transaction, MeterRegistry metrics) {
        this.orders = orders;
        this.transaction = transaction;
        this.metrics = metrics;
    }

    /**
     * @throws UnknownOrderException (in the Uni) when no such order exists: retrying cannot mend that
     */
    @WithSpan("settle order")
    public Uni<Void> applyOutcome(UUID eventId, PaymentOutcome outcome) {
        return transaction.applyOnce(CONSUMER, eventId, () -> orders.findById(outcome.orderId())
                .map(order -> {
                    if (order == null) {
                        throw new UnknownOrderException(outcome.orderId());
                    }
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    Optional<ComandaEvent> announcement = order.settle(outcome, now);
                    if (announcement.isEmpty()) {
                        LOG.warnf("Ignored %s for order %s, which is already %s", outcome.type().ceType(),
                                order.id(), order.status());
                        metrics.counter("comanda.orders.ignored_transitions",
                                "event", outcome.type().ceType(), "status", order.status().name()).increment();
                    } else {
                        // From the 201 to the outcome: what a customer waits for.
                        metrics.timer("comanda.orders.settlement.latency", "status", order.status().name())
                                .record(Duration.between(order.createdAt(), now));
                    }
                    return announcement;
                }));
    }
}
