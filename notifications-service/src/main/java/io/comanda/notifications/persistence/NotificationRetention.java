package io.comanda.notifications.persistence;

import io.comanda.notifications.domain.NotificationsConfig;
import io.comanda.platform.retention.RetainedTable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Notification rows are forgotten {@code comanda.notifications.retention} (30 days) after they were last
 * written, and order summaries {@code comanda.notifications.order-summary-retention} (90 days) after their
 * placement: the platform's retention purge deletes them with the outbox and inbox rows, in batches, every
 * {@code comanda.retention.every}. A claim left behind by a mail that was dead-lettered goes the same way.
 */
@Singleton
public class NotificationRetention {

    @Produces
    @Singleton
    RetainedTable oldNotifications(NotificationsConfig config) {
        return new RetainedTable("notification", "recorded_at", config.retention());
    }

    @Produces
    @Singleton
    RetainedTable oldOrderSummaries(NotificationsConfig config) {
        return new RetainedTable("order_summary", "placed_at", config.orderSummaryRetention());
    }
}
