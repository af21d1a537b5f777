package io.comanda.payments.domain;

/**
 * An order whose charge failed, so nothing of it was recorded.
 *
 * @param delivery the event that asked for the charge
 * @param reason   why it failed
 */
public record UnpaidOrder(PlacedOrderDelivery delivery, Throwable reason) {
}
