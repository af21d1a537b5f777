package io.comanda.orders.domain;

import java.time.Duration;
import java.util.UUID;

/** A payment outcome whose order this service has not seen for as long as it waits for one to appear. */
public class OrderNeverAppearedException extends UnsettleableOutcomeException {

    public OrderNeverAppearedException(UnknownOrderException unknown, Duration waited) {
        super("no order " + unknown.orderId() + " to settle after waiting " + waited + " for it to appear");
        initCause(unknown);
    }
}
