package io.comanda.payments.messaging;

import io.comanda.payments.domain.PaymentProcessing;
import io.comanda.platform.messaging.BatchConsumerPolicy;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes the payment of every order placed, a batch of records at a time: the platform's batch policy
 * dead-letters what cannot be read or what the provider refuses for good, and retries alone each
 * record whose charge failed transiently, while the rest of the batch is recorded. A Stripe that refuses
 * our key pauses it, readiness DOWN, until {@code StripeProbe} finds the key accepted again.
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
        return policy.consumeTraced(CHANNEL, batch, processing::pay);
    }
}
