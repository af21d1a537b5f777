package io.comanda.notifications.domain;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

/** Where the orders written about and the notifications sent are kept. */
public interface NotificationStore {

    /** Keeps what later mails need of a placed order, in a transaction of its own. */
    Uni<Void> keep(OrderSummary summary);

    /** Whether a notification answering event {@code eventId} is recorded. */
    Uni<Boolean> notified(UUID eventId);

    /** The kept summary of order {@code orderId}, or null when it is not known (yet). */
    Uni<OrderSummary> summary(UUID orderId);

    /** Records the notification and its event in the inbox of {@code consumer}, in one transaction, once. */
    Uni<Void> record(String consumer, Notification notification);
}
