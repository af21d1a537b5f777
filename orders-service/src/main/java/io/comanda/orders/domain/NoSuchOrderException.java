package io.comanda.orders.domain;

import java.util.UUID;

/** A request names an order this service does not have. */
public class NoSuchOrderException extends RuntimeException {

    public NoSuchOrderException(UUID orderId) {
        super("There is no order " + orderId + ".");
    }
}
