package io.comanda.notifications.domain;

import io.comanda.events.ComandaEvent;
import io.comanda.events.OrderCancelled;
import io.comanda.events.OrderConfirmed;
import io.comanda.events.OrderPlaced;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An order entered a status: what a customer's live view shows.
 *
 * @param reason why, in words, for a cancellation; otherwise null
 */
public record OrderStatusChange(UUID orderId, String customerId, OrderStatus status, String reason, Instant at) {

    /** The status change an order event stands for; other events stand for none. */
    public static Optional<OrderStatusChange> of(ComandaEvent event) {
        if (event instanceof OrderPlaced placed) {
            return Optional.of(new OrderStatusChange(placed.orderId(), placed.customerId(), OrderStatus.PENDING, null,
                    placed.occurredAt()));
        }
        if (event instanceof OrderConfirmed confirmed) {
            return Optional.of(new OrderStatusChange(confirmed.orderId(), confirmed.customerId(), OrderStatus.CONFIRMED,
                    null, confirmed.occurredAt()));
        }
        if (event instanceof OrderCancelled cancelled) {
            return Optional.of(new OrderStatusChange(cancelled.orderId(), cancelled.customerId(), OrderStatus.CANCELLED,
                    DeclineReasons.inWords(cancelled.declineCode(), cancelled.reason()), cancelled.occurredAt()));
        }
        return Optional.empty();
    }

    /** Whether a viewer may see this change: its customer, or an admin. */
    public boolean isVisibleTo(String subject, boolean admin) {
        return admin || customerId.equals(subject);
    }
}
