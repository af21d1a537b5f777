package io.comanda.notifications.messaging;

import io.comanda.notifications.domain.MailMayHaveGoneOutException;
import io.comanda.platform.messaging.EffectMayExist;

/** A failure after which a mail may have gone out, as the platform flags its dead letter. */
class PossibleMailException extends RuntimeException implements EffectMayExist {

    private final String possibleMail;

    PossibleMailException(MailMayHaveGoneOutException cause) {
        super(cause.getMessage(), cause);
        this.possibleMail = cause.possibleMail();
    }

    @Override
    public String possibleEffect() {
        return possibleMail;
    }
}
