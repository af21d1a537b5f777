package io.comanda.orders.domain;

import io.comanda.events.PaymentOutcome;

import java.util.UUID;

/**
 * A payment outcome whose amount, currency or customer is not the order's: whatever produced it (a
 * bug, a forged record), it must not settle the order. Its message starts with the dead-letter reason
 * {@code outcome-mismatch}.
 */
public class OutcomeMismatchException extends UnsettleableOutcomeException {

    /** The dead-letter reason of such an outcome. */
    public static final String REASON = "outcome-mismatch";

    public OutcomeMismatchException(PaymentOutcome outcome, UUID orderId) {
        super(REASON + ": " + outcome.type().ceType() + " does not match order " + orderId
                + " in amount, currency or customer; the order is left as it was");
    }
}
