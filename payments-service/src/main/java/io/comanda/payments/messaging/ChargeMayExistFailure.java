package io.comanda.payments.messaging;

import io.comanda.payments.domain.ChargesMayExistException;
import io.comanda.platform.messaging.EffectMayExist;

/**
 * A batch that failed after Stripe was called, as the platform's dead letters read it: should its records
 * be parked at last, each is flagged as one after which a charge may exist, and discarding it takes
 * {@link ChargeDiscardCheck} or an operator's forced reason.
 */
final class ChargeMayExistFailure extends RuntimeException implements EffectMayExist {

    private final String possibleCharge;

    ChargeMayExistFailure(ChargesMayExistException failure) {
        super(failure.getMessage(), failure.getCause());
        this.possibleCharge = failure.possibleCharge();
    }

    @Override
    public String possibleEffect() {
        return possibleCharge;
    }
}
