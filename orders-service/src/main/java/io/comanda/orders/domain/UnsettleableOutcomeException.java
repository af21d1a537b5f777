package io.comanda.orders.domain;

/**
 * A payment outcome that can never settle its order, however often it is retried: the consumer parks
 * it on its dead-letter topic at once, with the message as the reason.
 */
public abstract class UnsettleableOutcomeException extends RuntimeException {

    protected UnsettleableOutcomeException(String message) {
        super(message);
    }
}
