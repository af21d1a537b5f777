package io.comanda.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Remembers which events a consumer has processed, in the caller's Hibernate Reactive transaction, so
 * that a redelivered event (Kafka delivers at least once) changes nothing. A consumer that writes with
 * plain SQL composes {@link InboxEntry}'s statement into its own instead.
 *
 * <p>Usage inside one transaction: {@code inbox.recordFirstDelivery(consumer, ceId)}; when it answers
 * false, skip the effect. When the effect fails, the transaction rolls back and the record with it, so
 * the event is processed again on redelivery.
 */
@ApplicationScoped
public class Inbox {

    // InboxEntry's statement with its $n parameters written as the ?n Hibernate's native queries take.
    static final String INSERT = InboxEntry.insert(1).replaceAll("\\$(\\d+)", "?$1");

    /**
     * Records that {@code consumer} processes {@code eventId}.
     *
     * @return true when this is the first delivery, false when the event was processed before
     */
    public Uni<Boolean> recordFirstDelivery(String consumer, UUID eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
