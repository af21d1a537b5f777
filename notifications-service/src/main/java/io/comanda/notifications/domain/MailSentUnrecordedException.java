package io.comanda.notifications.domain;

import java.util.UUID;

/**
 * The SMTP server accepted the mail but its sent mark could not be written: the event is retried, and a
 * retry in this process only writes the mark. Parked past its retries, its dead letter says a mail went out.
 */
public class MailSentUnrecordedException extends MailMayHaveGoneOutException {

    private final UUID orderId;

    public MailSentUnrecordedException(UUID eventId, UUID orderId, Throwable cause) {
        super("the mail answering event " + eventId + " was sent, its record failed: " + cause.getMessage(), cause);
        this.orderId = orderId;
    }

    @Override
    public String possibleMail() {
        return "the customer was mailed about order " + orderId + " (the SMTP server accepted it)";
    }
}
