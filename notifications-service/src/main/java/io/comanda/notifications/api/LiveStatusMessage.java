package io.comanda.notifications.api;

import io.comanda.notifications.domain.OrderStatusChange;

/**
 * The JSON a live session receives for each status change:
 * {@code {"orderId": "...", "status": "PENDING|CONFIRMED|CANCELLED", "reason": "...", "at": "RFC 3339"}}.
 *
 * @param reason why the order was cancelled, in words; null for other statuses
 */
public record LiveStatusMessage(String orderId, String status, String reason, String at) {

    public static LiveStatusMessage of(OrderStatusChange change) {
        return new LiveStatusMessage(change.orderId().toString(), change.status().name(), change.reason(),
                change.at().toString());
    }
}
