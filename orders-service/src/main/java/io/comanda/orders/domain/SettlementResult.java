package io.comanda.orders.domain;

/**
 * What settling an order found and did.
 *
 * @param firstDelivery false when the inbox already held the event: nothing else was looked at
 * @param statusBefore  the order's status before, or null when there is no such order
 * @param matches       whether the outcome's customer, amount and currency are the order's
 * @param settled       the order as settled, or null when it was not PENDING, did not match, or is not there
 */
public record SettlementResult(boolean firstDelivery, OrderStatus statusBefore, boolean matches,
                               SettledOrder settled) {
}
