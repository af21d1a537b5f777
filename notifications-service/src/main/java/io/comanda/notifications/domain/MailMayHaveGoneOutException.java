package io.comanda.notifications.domain;

/**
 * A failure after which the customer may have been mailed: retried like any other, and, parked past its
 * retries, flagged so that an operator knows a replay may mail them again.
 */
public abstract class MailMayHaveGoneOutException extends RuntimeException {

    protected MailMayHaveGoneOutException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What may have happened, as one sentence an operator can act on. */
    public abstract String possibleMail();
}
