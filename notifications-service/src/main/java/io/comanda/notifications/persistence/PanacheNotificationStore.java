package io.comanda.notifications.persistence;

import io.comanda.notifications.domain.Notification;
import io.comanda.notifications.domain.NotificationStore;
import io.comanda.notifications.domain.OrderSummary;
import io.comanda.platform.inbox.ConsumerTransaction;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Order summaries and notifications through Hibernate Reactive, each call in its own session. */
@ApplicationScoped
public class PanacheNotificationStore implements NotificationStore {

    private final OrderSummaryRepository summaries;
    private final NotificationRepository notifications;
    private final ConsumerTransaction transaction;

    public PanacheNotificationStore(OrderSummaryRepository summaries, NotificationRepository notifications,
                                    ConsumerTransaction transaction) {
        this.summaries = summaries;
        this.notifications = notifications;
        this.transaction = transaction;
    }

    @Override
    public Uni<Void> keep(OrderSummary summary) {
        return Panache.withTransaction(() -> summaries.keep(summary));
    }

    @Override
    public Uni<Boolean> notified(UUID eventId) {
        return Panache.withSession(() -> notifications.findById(eventId)).map(found -> found != null);
    }

    @Override
    public Uni<OrderSummary> summary(UUID orderId) {
        return Panache.withSession(() -> summaries.findById(orderId));
    }

    @Override
    public Uni<Void> record(String consumer, Notification notification) {
        return transaction.applyOnce(consumer, notification.eventId(),
                () -> notifications.persist(notification).replaceWithVoid());
    }
}
