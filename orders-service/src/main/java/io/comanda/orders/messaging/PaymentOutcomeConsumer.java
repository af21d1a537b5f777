package io.comanda.orders.messaging;

import io.comanda.events.PaymentOutcome;
import io.comanda.orders.domain.OrderSettlement;
import io.comanda.orders.domain.UnknownOrderException;
import io.comanda.orders.domain.UnknownOrderWait;
import io.comanda.orders.domain.UnsettleableOutcomeException;
import io.comanda.platform.messaging.ConsumerPolicy;
import io.comanda.platform.messaging.FirstAttempt;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;

/**
 * Follows each order's payment outcome from {@code comanda.payments}. An outcome that does not match its
 * order is dead-lettered at once; one for an order not (yet) visible here is retried on the delayed-retry
 * topics, so the rest of its partition flows on, for {@code comanda.orders.outcome.unknown-order-wait}
 * from its first attempt, then dead-lettered.
 */
@ApplicationScoped
public class PaymentOutcomeConsumer {

    private final ConsumerPolicy policy;
    private final OrderSettlement settlement;
    private final UnknownOrderWait unknownOrderWait;

    public PaymentOutcomeConsumer(ConsumerPolicy policy, OrderSettlement settlement, OutcomeConfig config) {
        this.policy = policy;
        this.settlement = settlement;
        this.unknownOrderWait = new UnknownOrderWait(config.unknownOrderWait());
    }

    @Incoming("payments")
    public Uni<Void> consume(KafkaRecord<String, byte[]> record) {
        Instant firstAttempt = FirstAttempt.of(record, Instant.now());
        return policy.consume("payments", record, PaymentOutcome.class,
                (eventId, outcome) -> settlement.applyOutcome(eventId, outcome)
                        .onFailure(UnknownOrderException.class).transform(unknown -> unknownOrderWait.judge(
                                (UnknownOrderException) unknown, firstAttempt, Instant.now())),
                UnsettleableOutcomeException.class);
    }
}
