package io.comanda.orders.domain;

import java.util.UUID;

/** A payment outcome names an order this service never had. */
public class UnknownOrderException extends UnsettleableOutcomeException {

    public UnknownOrderException(UUID orderId) {
        super("no order " + orderId + " to settle");
    }
}
