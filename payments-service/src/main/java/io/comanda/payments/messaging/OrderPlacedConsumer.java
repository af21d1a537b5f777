package io.comanda.payments.messaging;

import io.comanda.events.OrderPlaced;
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

import java.util.List;

/**
 * Takes the payment of every order placed, a batch of records at a time: the platform's batch policy
 * dead-letters what cannot be read or what the provider refuses for good, and retries alone each
 * record whose charge failed transiently, while the rest of the batch is recorded. A Stripe that refuses
 * our key pauses it, readiness DOWN, until {@code StripeProbe} finds the key accepted again. Other order
 * events are not this service's concern: they are acknowledged untouched.
 */
@ApplicationScoped
public class OrderPlacedConsumer {

    private static final String CHANNEL = "orders";

    private final BatchConsumerPolicy policy;
    private final PaymentProcessing processing;

    public OrderPlacedConsumer(BatchConsumerPolicy policy, PaymentProcessing processing) {
        this.policy = policy;
        this.processing = processing;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return policy.consumeTraced(CHANNEL, batch, this::pay);
    }

    private Uni<BatchFailures> pay(List<TracedEvent> events) {
        List<TracedPlacedOrder> placed = events.stream().filter(e -> e.event().event() instanceof OrderPlaced)
                .map(TracedPlacedOrder::new).toList();
        return processing.pay(placed).map(OrderPlacedConsumer::failures);
    }

    private static BatchFailures failures(PaymentBatchResult result) {
        return new BatchFailures(
                result.refused().stream().map(unpaid -> new Rejection(incoming(unpaid), unpaid.reason())).toList(),
                result.retryable().stream().map(unpaid -> new Retry(incoming(unpaid), unpaid.reason())).toList());
    }

    // The deliveries handed to the domain are this class's own, so each leads back to its record.
    private static IncomingEvent incoming(UnpaidOrder unpaid) {
        return ((TracedPlacedOrder) unpaid.delivery()).traced().event();
    }
}
