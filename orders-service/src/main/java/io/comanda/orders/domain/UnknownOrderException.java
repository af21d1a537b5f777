package io.comanda.orders.domain;

import java.util.UUID;

/**
 * A payment outcome names an order this service does not see (yet). Not a permanent failure by itself:
 * an order's commit can reach the relay, and its outcome this service, a moment before other sessions
 * see the order. The consumer retries it for a while ({@link UnknownOrderWait}), then parks it.
 */
public class UnknownOrderException extends RuntimeException {

    private final UUID orderId;

    public UnknownOrderException(UUID orderId) {
        super("no order " + orderId + " to settle");
        this.orderId = orderId;
    }

    public UUID orderId() {
        return orderId;
    }
}
