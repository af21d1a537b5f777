package io.comanda.notifications.domain;

import java.time.Duration;
import java.util.UUID;

/**
 * The SMTP server did not answer within the send timeout: the mail may have gone out, or may still. The
 * event is retried; a retry here waits for the send's late answer (marking the mail if it was accepted)
 * or for the claim's lease to run out, and sends nothing before.
 */
public class MailSendTimedOutException extends MailMayHaveGoneOutException {

    private final UUID orderId;

    public MailSendTimedOutException(UUID eventId, UUID orderId, Duration timeout) {
        super("the SMTP server did not answer within " + timeout + " for the mail answering event " + eventId, null);
        this.orderId = orderId;
    }

    @Override
    public String possibleMail() {
        return "the customer may have been mailed about order " + orderId + " (the SMTP server did not answer in time)";
    }
}
