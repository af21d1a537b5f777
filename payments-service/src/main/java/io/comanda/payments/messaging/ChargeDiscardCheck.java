package io.comanda.payments.messaging;

import io.comanda.events.EventJson;
import io.comanda.events.EventType;
import io.comanda.events.OrderPlaced;
import io.comanda.payments.domain.ChargeResult;
import io.comanda.payments.domain.KeyWindows;
import io.comanda.payments.domain.PaymentGateway;
import io.comanda.payments.domain.PaymentProcessing;
import io.comanda.payments.persistence.PaymentStates;
import io.comanda.platform.deadletters.DeadLetter;
import io.comanda.platform.deadletters.DiscardCheck;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Before an operator discards a payments-service dead letter after which Stripe may have charged, once no
 * request for it can still be executing at Stripe ({@code request-execution-limit} after it was parked): an
 * {@code OrderPlaced} whose payment is recorded, or whose order Stripe holds no charge for (a consistent
 * listing since the order was placed), loses nothing when discarded. One Stripe holds a charge for must
 * be replayed instead, which adopts the charge rather than making another. Any other flagged record (an
 * {@code OrderCancelled} of the same batch) may owe a refund: replay it.
 */
@ApplicationScoped
public class ChargeDiscardCheck implements DiscardCheck {

    private static final Duration READ_LIMIT = Duration.ofSeconds(10);

    private final PaymentStates payments;
    private final PaymentGateway stripe;
    private final KeyWindows windows;

    public ChargeDiscardCheck(PaymentStates payments, PaymentGateway stripe, KeyWindows windows) {
        this.payments = payments;
        this.stripe = stripe;
        this.windows = windows;
    }

    @Override
    public boolean appliesTo(String consumerGroup) {
        return PaymentProcessing.CONSUMER.equals(consumerGroup);
    }

    @Override
    public Optional<String> refusal(DeadLetter letter) {
        if (!EventType.ORDER_PLACED_V1.ceType().equals(letter.ceType())) {
            return Optional.of("A " + letter.ceType() + " of a batch after which Stripe may have charged: replay it, so that "
                    + "what it asks for (a refund of a cancelled order) is done; replaying charges nothing again.");
        }
        Instant settledBy = letter.parkedAt().plus(windows.requestExecutionLimit());
        if (settledBy.isAfter(Instant.now())) {
            return Optional.of("A request to Stripe for this order may still be executing: check again after " + settledBy
                    + ", or replay the dead letter now (its charge is adopted, not made again).");
        }
        OrderPlaced order = EventJson.read(letter.record().value(), OrderPlaced.class);
        if (payments.ofOrder(order.orderId()).await().atMost(READ_LIMIT) != null) {
            return Optional.empty();
        }
        return stripe.lookUp(order.orderId(), order.occurredAt().minus(windows.clockSkew()))
                .filter(ChargeResult.Charged.class::isInstance).map(ChargeResult.Charged.class::cast)
                .map(charged -> "Stripe holds charge " + charged.providerReference() + " for order " + order.orderId()
                        + ", which payments-service has not recorded: replay the dead letter (the charge is adopted, "
                        + "not made again) or, once the customer is refunded at Stripe, force the discard with a reason.");
    }
}
