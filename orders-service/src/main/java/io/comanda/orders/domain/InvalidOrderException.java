package io.comanda.orders.domain;

/** The order breaks a rule of the catalogue (unknown or retired product, mixed currencies). */
public class InvalidOrderException extends RuntimeException {

    public InvalidOrderException(String message) {
        super(message);
    }
}
