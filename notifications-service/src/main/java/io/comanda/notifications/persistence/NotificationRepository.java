package io.comanda.notifications.persistence;

import io.comanda.notifications.domain.Notification;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Notifications in PostgreSQL, by event id. Call inside a session or transaction of the caller. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {
}
