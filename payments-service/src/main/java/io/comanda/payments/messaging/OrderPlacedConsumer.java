package io.comanda.payments.messaging;

import io.comanda.events.OrderCancelled;
import io.comanda.events.OrderPlaced;
import io.comanda.payments.domain.ChargesMayExistException;
import io.comanda.payments.domain.OrderCancellations;
import io.comanda.payments.domain.PaymentBatchResult;
import io.comanda.payments.domain.PaymentProcessing;
import io.comanda.payments.domain.UnpaidOrder;
import io.comanda.platform.messaging.BatchConsumerPolicy;
import io.comanda.platform.messaging.BatchConsumerPolicy.BatchFailures;
import io.comanda.platform.messaging.BatchConsumerPolicy.Rejection;
import io.comanda.platform.messaging.BatchConsumerPolicy.Retry;
import io.comanda.platform.messaging.IncomingEvent;
import io.comanda.platform.messaging.TracedEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes the payment of every order placed, a batch of records at a time: the platform's batch policy
 * dead-letters what cannot be read or what the provider refuses for good, and retries alone each
 * record whose charge was refused before it ran, while the rest of the batch is recorded; a charge left
 * unresolved is the background resolution's. A Stripe that refuses our key pauses it, readiness DOWN,
 * until {@code StripeProbe} finds the key accepted again. An {@code OrderCancelled} refunds the order's
 * charge, if it has one ({@link OrderCancellations}); other order events are acknowledged untouched.
 */
@ApplicationScoped
public class OrderPlacedConsumer {

    private static final String CHANNEL = "orders";

    private final BatchConsumerPolicy policy;
    private final PaymentProcessing processing;
    private final OrderCancellations cancellations;

    public OrderPlacedConsumer(BatchConsumerPolicy policy, PaymentProcessing processing,
                               OrderCancellations cancellations) {
        this.policy = policy;
        this.processing = processing;
        this.cancellations = cancellations;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return policy.consumeTraced(CHANNEL, batch, this::pay);
    }

    private Uni<BatchFailures> pay(List<TracedEvent> events) {
        List<TracedPlacedOrder> placed = events.stream().filter(e -> e.event().event() instanceof OrderPlaced)
                .map(TracedPlacedOrder::new).toList();
        // After the batch's charges: an order placed and cancelled within one batch is charged, then refunded.
        Map<UUID, IncomingEvent> cancelled = new LinkedHashMap<>();
        events.stream().filter(e -> e.event().event() instanceof OrderCancelled)
                .forEach(e -> cancelled.put(((OrderCancelled) e.event().event()).orderId(), e.event()));
        return processing.pay(placed)
                .onFailure(ChargesMayExistException.class)
                .transform(failure -> new ChargeMayExistFailure((ChargesMayExistException) failure))
                .chain(result -> cancellations.cancel(List.copyOf(cancelled.keySet()))
                        .map(unrefunded -> failures(result, unrefunded.stream().map(cancelled::get).toList())));
    }

    private static BatchFailures failures(PaymentBatchResult result, List<IncomingEvent> unrefunded) {
        List<Retry> retries = new ArrayList<>();
        result.retryable().forEach(unpaid -> retries.add(new Retry(incoming(unpaid), unpaid.reason())));
        unrefunded.forEach(cancellation -> retries.add(new Retry(cancellation,
                new IllegalStateException("The refund of cancelled order " + cancellation.event().aggregateId() + " failed"))));
        return new BatchFailures(
                result.refused().stream().map(unpaid -> new Rejection(incoming(unpaid), unpaid.reason())).toList(),
                retries);
    }

    // The deliveries handed to the domain are this class's own, so each leads back to its record.
    private static IncomingEvent incoming(UnpaidOrder unpaid) {
        return ((TracedPlacedOrder) unpaid.delivery()).traced().event();
    }
}
