package io.comanda.orders.messaging;

import io.comanda.events.PaymentOutcome;
import io.comanda.orders.domain.OrderSettlement;
import io.comanda.orders.domain.UnsettleableOutcomeException;
import io.comanda.platform.messaging.ConsumerPolicy;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows each order's payment outcome from {@code comanda.payments}; an outcome for an order this
 * service never had, or one that does not match its order, is dead-lettered at once.
 */
@ApplicationScoped
public class PaymentOutcomeConsumer {

    private final ConsumerPolicy policy;
    private final OrderSettlement settlement;

    public PaymentOutcomeConsumer(ConsumerPolicy policy, OrderSettlement settlement) {
        this.policy = policy;
        this.settlement = settlement;
    }

    @Incoming("payments")
    public Uni<Void> consume(KafkaRecord<String, byte[]> record) {
        return policy.consume("payments", record, PaymentOutcome.class, settlement::applyOutcome,
                UnsettleableOutcomeException.class);
    }
}
