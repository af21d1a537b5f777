package io.comanda.payments.domain;

import io.comanda.events.OrderPlaced;
import io.comanda.payments.persistence.PaymentRepository;
import io.comanda.platform.inbox.Inbox;
import io.comanda.platform.outbox.OutboxWriter;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Takes the payment of a placed order exactly once:
 * <ol>
 *   <li>an order that already has a payment is done (a redelivery);</li>
 *   <li>the provider is charged under the order's idempotency key, off the event loop and outside any
 *       transaction: a retry after a crash or a timeout asks Stripe again and gets the same charge;</li>
 *   <li>one transaction records the event in the inbox, the payment (unique per order) and its outcome
 *       event in the outbox.</li>
 * </ol>
 */
@ApplicationScoped
public class PaymentProcessing {

    public static final String CONSUMER = "payments-service";

    private final PaymentGateway gateway;
    private final PaymentRepository payments;
    private final Inbox inbox;
    private final OutboxWriter outbox;

    public PaymentProcessing(PaymentGateway gateway, PaymentRepository payments, Inbox inbox, OutboxWriter outbox) {
        this.gateway = gateway;
        this.payments = payments;
        this.inbox = inbox;
        this.outbox = outbox;
    }

    @WithSpan("take payment")
    public Uni<Void> pay(UUID eventId, OrderPlaced order) {
        return Panache.withSession(() -> payments.existsForOrder(order.orderId()))
                .chain(paid -> paid ? Uni.createFrom().voidItem() : chargeAndRecord(eventId, order));
    }

    private Uni<Void> chargeAndRecord(UUID eventId, OrderPlaced order) {
        ChargeRequest request = new ChargeRequest(order.orderId(), order.total(), order.paymentMethod());
        return blocking(() -> gateway.charge(request))
                .chain(result -> Panache.withTransaction(() -> inbox.recordFirstDelivery(CONSUMER, eventId)
                        .chain(first -> {
                            if (!first) {
                                return Uni.createFrom().voidItem();
                            }
                            Payment payment = Payment.settle(order, result, Instant.now().truncatedTo(ChronoUnit.MICROS));
                            return payments.persist(payment)
                                    .chain(() -> outbox.append(payment.outcomeEvent()))
                                    .replaceWithVoid();
                        })));
    }

    // The SDK blocks; run it on a worker and come back to this message's Vert.x context for the
    // database, which Hibernate Reactive requires.
    private static <T> Uni<T> blocking(java.util.concurrent.Callable<T> call) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> context.executeBlocking(call, false).toCompletionStage());
    }
}
