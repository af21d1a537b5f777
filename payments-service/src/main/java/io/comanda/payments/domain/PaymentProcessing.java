package io.comanda.payments.domain;

import io.comanda.events.ComandaEvent;
import io.comanda.events.OrderPlaced;
import io.comanda.payments.persistence.PaymentRepository;
import io.comanda.platform.inbox.ConsumerTransaction;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

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

    /** The inbox's name of this consumer. */
    public static final String CONSUMER = "payments-service";

    private final PaymentGateway gateway;
    private final PaymentRepository payments;
    private final ConsumerTransaction transaction;

    public PaymentProcessing(PaymentGateway gateway, PaymentRepository payments, ConsumerTransaction transaction) {
        this.gateway = gateway;
        this.payments = payments;
        this.transaction = transaction;
    }

    @WithSpan("take payment")
    public Uni<Void> pay(UUID eventId, OrderPlaced order) {
        return Panache.withSession(() -> payments.existsForOrder(order.orderId()))
                .chain(paid -> paid ? Uni.createFrom().voidItem() : chargeAndRecord(eventId, order));
    }

    private Uni<Void> chargeAndRecord(UUID eventId, OrderPlaced order) {
        ChargeRequest request = new ChargeRequest(order.orderId(), order.total(), order.paymentMethod());
        return blocking(() -> gateway.charge(request))
                .chain(result -> transaction.applyOnce(CONSUMER, eventId, () -> {
                    Payment payment = Payment.fromCharge(order, result, Instant.now().truncatedTo(ChronoUnit.MICROS));
                    return payments.persist(payment).map(persisted -> Optional.<ComandaEvent>of(payment.outcomeEvent()));
                }));
    }

    // The SDK blocks; run it on a worker and come back to this message's Vert.x context for the
    // database, which Hibernate Reactive requires.
    private static <T> Uni<T> blocking(Callable<T> call) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> context.executeBlocking(call, false).toCompletionStage());
    }
}
