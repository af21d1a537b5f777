package io.comanda.orders.domain;

import java.util.UUID;

/**
 * An order that is not PENDING cannot be cancelled: its outcome has already been announced, and it is
 * announced once. A confirmed order's money is returned by a refund, which this service does not make.
 */
public class OrderNotCancellableException extends RuntimeException {

    private final OrderStatus status;

    public OrderNotCancellableException(UUID orderId, OrderStatus status) {
        super(message(orderId, status));
        this.status = status;
    }

    /** The order's status when the cancel was refused. */
    public OrderStatus status() {
        return status;
    }

    private static String message(UUID orderId, OrderStatus status) {
        if (status == OrderStatus.PENDING) {
            // Its payment outcome settled it while the cancel waited for the order's row.
            return "Order " + orderId + " left PENDING while it was being cancelled; read it for its status."
                    + " Only a PENDING order can be cancelled.";
        }
        return "Order " + orderId + " is " + status + " and cannot be cancelled; only a PENDING order can be.";
    }
}
