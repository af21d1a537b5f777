package io.comanda.orders.domain;

/**
 * What cancelling an order found and did.
 *
 * @param statusBefore the order's status before, or null when there is no such order
 * @param cancelled    the order as cancelled, or null when it was not PENDING
 */
public record CancellationResult(OrderStatus statusBefore, SettledOrder cancelled) {
}
