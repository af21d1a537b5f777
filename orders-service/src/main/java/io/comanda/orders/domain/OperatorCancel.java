package io.comanda.orders.domain;

import io.comanda.events.OrderCancelled;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An operator's cancellation of a PENDING order: what the order keeps and what the suite is told. The
 * customer reads that an operator cancelled it and why; who the operator is stays with the order row
 * and the log, never in the event or the customer's reason.
 *
 * @param operator       who cancelled it, as their token names them
 * @param operatorReason why, in the operator's words
 */
public record OperatorCancel(String operator, String operatorReason) {

    /** The decline code of an order an operator cancelled, as {@link OrderCancelled#declineCode()} carries it. */
    public static final String DECLINE_CODE = "cancelled_by_operator";
    private static final String REASON_PREFIX = "Cancelled by an operator: ";
    /** The longest reason an operator may give; with the prefix it fits the order's decline reason. */
    public static final int MAX_REASON_LENGTH = 500;

    public OperatorCancel {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(operatorReason, "operatorReason");
    }

    /** The reason the order shows and its {@code OrderCancelled} carries. */
    public String customerReason() {
        return REASON_PREFIX + operatorReason;
    }

    /**
     * What the cancel came to, from what the store found and did.
     *
     * @return the cancelled order
     * @throws NoSuchOrderException         when there is no such order
     * @throws OrderNotCancellableException when the order was not PENDING, or left PENDING (its payment outcome
     *                                      arrived) while the cancel waited for its row
     */
    public static SettledOrder cancelledOrder(UUID orderId, CancellationResult result) {
        if (result.statusBefore() == null) {
            throw new NoSuchOrderException(orderId);
        }
        if (result.cancelled() == null) {
            throw new OrderNotCancellableException(orderId, result.statusBefore());
        }
        return result.cancelled();
    }

    /** The event announcing the cancelled order, as a payment failure's cancellation announces it. */
    public OrderCancelled announcement(SettledOrder order, Instant now) {
        return new OrderCancelled(order.orderId(), order.customerId(), DECLINE_CODE, customerReason(), now,
                order.version());
    }
}
