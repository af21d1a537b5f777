package io.comanda.notifications.domain;

import java.util.UUID;

/**
 * Another sender holds a fresh claim on the mail, or this process is sending it right now, gave its send up
 * without an answer, or waits after a takeover: nothing is sent, and the event is retried until the mail is
 * recorded or the wait is over.
 */
public class MailClaimedElsewhereException extends MailMayHaveGoneOutException {

    private final UUID orderId;

    public MailClaimedElsewhereException(UUID eventId, UUID orderId) {
        super("the mail answering event " + eventId + " is held by a claim that is not over yet", null);
        this.orderId = orderId;
    }

    @Override
    public String possibleMail() {
        return "the customer may have been mailed about order " + orderId + " by the delivery holding its claim";
    }
}
