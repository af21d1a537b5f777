package io.comanda.notifications.domain;

import java.util.UUID;

/**
 * This delivery took over another sender's expired claim and sends nothing yet: the former holder may have
 * sent the mail and still write its sent mark. The event is retried; a retry here sends once the takeover's
 * wait is over, if the claim is still this process's.
 */
public class MailClaimTakenOverException extends MailMayHaveGoneOutException {

    private final UUID orderId;

    public MailClaimTakenOverException(UUID eventId, UUID orderId) {
        super("the expired claim on the mail answering event " + eventId + " was taken over; it is sent after a wait",
                null);
        this.orderId = orderId;
    }

    @Override
    public String possibleMail() {
        return "the customer may have been mailed about order " + orderId + " by the sender whose claim expired";
    }
}
