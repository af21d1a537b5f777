package io.comanda.orders.api;

import io.comanda.events.Money;
import io.comanda.orders.domain.Order;
import io.comanda.orders.domain.OrderStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as the API shows it.
 *
 * @param id            the order id
 * @param customerId    the customer (their token's subject)
 * @param status        PENDING, CONFIRMED or CANCELLED
 * @param lines         the priced lines
 * @param total         the order's total
 * @param paymentMethod the payment method charged
 * @param note          the customer's note, as sent
 * @param declineReason why a cancelled order was cancelled: its payment failed, or an operator cancelled it
 * @param createdAt     when it was placed
 * @param updatedAt     when its status last changed
 */
public record OrderResponse(UUID id, String customerId, OrderStatus status, List<Line> lines, Money total,
                            String paymentMethod, String note, String declineReason, Instant createdAt,
                            Instant updatedAt) {

    /**
     * @param sku       the product
     * @param name      its name when ordered
     * @param quantity  how many
     * @param unitPrice the price of one
     * @param lineTotal quantity times unit price
     */
    public record Line(String sku, String name, int quantity, Money unitPrice, Money lineTotal) {
    }

    static OrderResponse of(Order order) {
        List<Line> lines = order.lines().stream()
                .map(l -> new Line(l.sku(), l.name(), l.quantity(), l.unitPrice(order.currency()),
                        l.unitPrice(order.currency()).times(l.quantity())))
                .toList();
        return new OrderResponse(order.id(), order.customerId(), order.status(), lines, order.total(),
                order.paymentMethod(), order.note(), order.declineReason(), order.createdAt(), order.updatedAt());
    }
}
