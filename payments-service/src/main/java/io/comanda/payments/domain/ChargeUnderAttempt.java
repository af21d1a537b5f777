package io.comanda.payments.domain;

import io.comanda.events.OrderPlaced;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/**
 * Charges one order as its charge attempt allows. Usually that is one call under the attempt's key. When
 * the key can no longer be trusted to answer (older than the provider's idempotency window, or its last
 * answer indeterminate), the order's PaymentIntent is looked up first and adopted if found, so an order
 * delivered again after a crash between the charge and its payment row, however late, is not charged twice;
 * only when none is found does the next key generation charge. Never throws: the outcome carries the
 * result or the failure, and the attempt as it stands afterwards, for the caller to record.
 */
@ApplicationScoped
public class ChargeUnderAttempt {

    private final PaymentGateway gateway;
    private final KeyWindows windows;

    public ChargeUnderAttempt(PaymentGateway gateway, KeyWindows windows) {
        this.gateway = gateway;
        this.windows = windows;
    }

    public AttemptedCharge charge(OrderPlaced order, ChargeAttempt attempt) {
        Instant now = Instant.now();
        return switch (attempt.next(now, windows)) {
            case CHARGE_UNDER_KEY -> chargeUnder(order, attempt);
            case WAIT_FOR_SEARCH -> AttemptedCharge.failed(order, new ProviderUnavailableException(
                    "The charge of order " + order.orderId() + " waits until the provider's search shows what its "
                            + "indeterminate answer did", null), attempt);
            case SEARCH_FIRST -> searchThenCharge(order, attempt, now);
        };
    }

    private AttemptedCharge searchThenCharge(OrderPlaced order, ChargeAttempt attempt, Instant now) {
        Optional<ChargeResult> found;
        try {
            found = gateway.findByOrder(order.orderId());
        } catch (RuntimeException e) {
            // A failed look-up says nothing about the charge: the attempt stays as it was.
            return AttemptedCharge.failed(order, e, attempt);
        }
        return found.map(result -> AttemptedCharge.answered(order, result, attempt.definite()))
                .orElseGet(() -> chargeUnder(order, attempt.nextGeneration(now)));
    }

    private AttemptedCharge chargeUnder(OrderPlaced order, ChargeAttempt attempt) {
        ChargeRequest request = new ChargeRequest(order.orderId(), order.total(), order.paymentMethod(),
                attempt.idempotencyKey());
        try {
            return AttemptedCharge.answered(order, gateway.charge(request), attempt.definite());
        } catch (ProviderOutcomeUnknownException e) {
            return AttemptedCharge.failed(order, e, attempt.indeterminate(Instant.now()));
        } catch (RuntimeException e) {
            // Refused before it ran (429, 409, a refused key), or still processing: the key answers as before.
            return AttemptedCharge.failed(order, e, attempt);
        }
    }
}
