package io.comanda.notifications.domain;

/**
 * This process holds as many mails as it may without their sent marks written (the database refusing them):
 * it claims and sends no new one until they are written, rather than forget one it sent. Nothing was sent;
 * the event is retried.
 */
public class UnrecordedMailsBacklogException extends RuntimeException {

    public UnrecordedMailsBacklogException(int held) {
        super("this instance holds " + held + " mails whose sent marks are not written; it sends no more until they are");
    }
}
