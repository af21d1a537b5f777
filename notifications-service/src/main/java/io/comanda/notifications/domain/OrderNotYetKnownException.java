package io.comanda.notifications.domain;

import java.util.UUID;

/**
 * An outcome arrived before the order's placement was handled (retries travel through other topics
 * and break arrival order): the outcome is retried later, when the order's lines are known.
 */
public class OrderNotYetKnownException extends RuntimeException {

    public OrderNotYetKnownException(UUID orderId) {
        super("order " + orderId + " has not been seen placed yet");
    }
}
