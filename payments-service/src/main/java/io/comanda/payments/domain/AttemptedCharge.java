package io.comanda.payments.domain;

import io.comanda.events.OrderPlaced;

/**
 * One order's charge as tried under its charge attempt: the provider's answer or why there is none, and
 * the attempt as it stands afterwards, for the caller to record.
 *
 * @param order   the order charged
 * @param result  the provider's answer, or null when the call failed
 * @param failure why the call failed, or null
 * @param attempt the order's charge attempt after the call, or null when it had none
 */
public record AttemptedCharge(OrderPlaced order, ChargeResult result, Throwable failure, ChargeAttempt attempt) {

    static AttemptedCharge answered(OrderPlaced order, ChargeResult result, ChargeAttempt attempt) {
        return new AttemptedCharge(order, result, null, attempt);
    }

    static AttemptedCharge failed(OrderPlaced order, Throwable failure, ChargeAttempt attempt) {
        return new AttemptedCharge(order, null, failure, attempt);
    }
}
