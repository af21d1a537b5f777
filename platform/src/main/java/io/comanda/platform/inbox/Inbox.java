package io.comanda.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Remembers which events a consumer has processed, in the caller's transaction, so that a redelivered
 * event (Kafka delivers at least once) changes nothing.
 *
 * <p>Usage inside one transaction: {@code inbox.recordFirstDelivery(consumer, ceId)}; when it answers
 * false, skip the effect. When the effect fails, the transaction rolls back and the record with it, so
 * the event is processed again on redelivery.
 */
@ApplicationScoped
public class Inbox {

    private static final String INSERT = """
            insert into inbox (consumer, event_id) values (:consumer, :eventId)
            on conflict (consumer, event_id) do nothing
            """;

    /**
     * Records that {@code consumer} processes {@code eventId}.
     *
     * @return true when this is the first delivery, false when the event was processed before
     */
    public Uni<Boolean> recordFirstDelivery(String consumer, UUID eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
