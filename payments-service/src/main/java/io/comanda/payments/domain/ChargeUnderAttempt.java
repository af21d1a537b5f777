package io.comanda.payments.domain;

import io.comanda.events.OrderPlaced;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/**
 * Charges one order as its charge attempt allows ({@link ChargeAttempt#next}). Usually that is one call
 * under the attempt's key. When the key can no longer answer for the charge, the order's PaymentIntents
 * are looked up in a consistent listing first and the charge found is adopted, so an order whose charge
 * was ambiguous, or that comes back after a crash, however late, is not charged twice; only when none is
 * found does the next key generation charge. Never throws: the outcome carries the result or the failure,
 * and the attempt as it stands afterwards, for the caller to record.
 */
@ApplicationScoped
public class ChargeUnderAttempt {

    private final PaymentGateway gateway;
    private final KeyWindows windows;

    public ChargeUnderAttempt(PaymentGateway gateway, KeyWindows windows) {
        this.gateway = gateway;
        this.windows = windows;
    }

    /** Charges the order, or finds its charge. */
    public AttemptedCharge charge(OrderPlaced order, ChargeAttempt attempt) {
        return charge(order, attempt, true);
    }

    /**
     * @param mayCharge false for an order cancelled meanwhile: its charge is found if there is one, but no
     *                  new one is made; a look-up that finds none answers {@link Optional#empty() no result}
     *                  and no failure
     */
    public AttemptedCharge charge(OrderPlaced order, ChargeAttempt attempt, boolean mayCharge) {
        Instant now = Instant.now();
        return switch (attempt.next(now, windows, order.occurredAt())) {
            case CHARGE_UNDER_KEY -> chargeUnder(order, attempt);
            case WAIT -> AttemptedCharge.failed(order, new ChargeUnresolvedException(ChargeAttempt.Unresolved.AWAITING_ANSWER,
                    "The key of order " + order.orderId() + " is near the end of its window: its charge is looked up "
                            + "once the window is over, at " + attempt.windowEnd(windows, order.occurredAt()), null),
                    attempt.unresolved(ChargeAttempt.Unresolved.AWAITING_ANSWER, now));
            case LOOK_UP -> lookUpThenCharge(order, attempt, now, mayCharge);
        };
    }

    private AttemptedCharge lookUpThenCharge(OrderPlaced order, ChargeAttempt attempt, Instant now, boolean mayCharge) {
        Optional<ChargeResult> found;
        try {
            // Since the order was placed: a later key generation's first use, or the first key's after a restore
            // recorded it anew, may be later than a charge an earlier request under it made.
            found = gateway.lookUp(order.orderId(), order.occurredAt().minus(windows.clockSkew()));
        } catch (ChargeUnresolvedException e) {
            // Found, but still processing: its key answers it, asked again later.
            return AttemptedCharge.failed(order, e, attempt.unresolved(e.why(), now));
        } catch (RuntimeException e) {
            // A failed look-up says nothing about the charge: the attempt stays as it was.
            return AttemptedCharge.failed(order, e, attempt);
        }
        if (found.isPresent()) {
            return AttemptedCharge.answered(order, found.get(), attempt.resolved());
        }
        return mayCharge ? chargeUnder(order, attempt.nextGeneration(now))
                : AttemptedCharge.answered(order, null, attempt.resolved());
    }

    private AttemptedCharge chargeUnder(OrderPlaced order, ChargeAttempt attempt) {
        ChargeRequest request = new ChargeRequest(order.orderId(), order.total(), order.paymentMethod(),
                attempt.idempotencyKey());
        try {
            return AttemptedCharge.answered(order, gateway.charge(request), attempt.resolved());
        } catch (ChargeUnresolvedException e) {
            return AttemptedCharge.failed(order, e, attempt.unresolved(e.why(), Instant.now()));
        } catch (RuntimeException e) {
            // Refused before it ran (429, no connection, a refused key), or still processing: the key answers as before.
            return AttemptedCharge.failed(order, e, attempt);
        }
    }
}
