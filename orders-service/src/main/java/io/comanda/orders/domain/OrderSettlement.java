package io.comanda.orders.domain;

import io.comanda.events.ComandaEvent;
import io.comanda.orders.persistence.OrderRepository;
import io.comanda.platform.inbox.Inbox;
import io.comanda.platform.outbox.OutboxWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
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

    public static final String CONSUMER = "orders-service";
    private static final Logger LOG = Logger.getLogger(OrderSettlement.class);

    private final OrderRepository orders;
    private final Inbox inbox;
    private final OutboxWriter outbox;
    private final MeterRegistry metrics;

    public OrderSettlement(OrderRepository orders, Inbox inbox, OutboxWriter outbox, MeterRegistry metrics) {
        this.orders = orders;
        this.inbox = inbox;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /**
     * @throws UnknownOrderException (in the Uni) when no such order exists: retrying cannot mend that
     */
    @WithSpan("settle order")
    public Uni<Void> settle(UUID eventId, UUID orderId, ComandaEvent paymentOutcome) {
        return Panache.withTransaction(() -> inbox.recordFirstDelivery(CONSUMER, eventId)
                .chain(first -> !first ? Uni.createFrom().voidItem() : orders.findById(orderId)
                        .chain(order -> {
                            if (order == null) {
                                return Uni.createFrom().failure(new UnknownOrderException(orderId));
                            }
                            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                            var announcement = order.settle(paymentOutcome, now);
                            if (announcement.isEmpty()) {
                                LOG.warnf("Ignored %s for order %s, which is already %s", paymentOutcome.type().ceType(),
                                        orderId, order.status());
                                metrics.counter("comanda.orders.ignored_transitions",
                                        "event", paymentOutcome.type().ceType(), "status", order.status().name()).increment();
                                return Uni.createFrom().voidItem();
                            }
                            // From the 201 to the outcome: what a customer waits for.
                            metrics.timer("comanda.orders.settlement.latency", "status", order.status().name())
                                    .record(Duration.between(order.createdAt(), now));
                            return outbox.append(announcement.get()).replaceWithVoid();
                        })));
    }
}
