package io.comanda.platform.inbox;

import io.comanda.events.ComandaEvent;
import io.comanda.platform.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The one transaction in which a consumer applies an event: the inbox record, the effect and the event
 * the effect announces commit together. A redelivered event changes nothing, and no effect is
 * announced without having happened.
 */
@ApplicationScoped
public class ConsumerTransaction {

    private final Inbox inbox;
    private final OutboxWriter outbox;
    private final DuplicateDeliveries duplicates;

    public ConsumerTransaction(Inbox inbox, OutboxWriter outbox, DuplicateDeliveries duplicates) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.duplicates = duplicates;
    }

    /**
     * @param consumer the inbox's name of the consumer
     * @param eventId  the event's {@code ce_id}
     * @param effect   run only on the event's first delivery to {@code consumer}, in the transaction; the
     *                 event it returns, if any, is appended to the outbox in the same transaction
     */
    public Uni<Void> applyOnce(String consumer, UUID eventId, Supplier<Uni<Optional<ComandaEvent>>> effect) {
        // Counted once the transaction has committed: a rolled-back delivery is retried, not absorbed.
        AtomicBoolean duplicate = new AtomicBoolean();
        return Panache.withTransaction(() -> inbox.recordFirstDelivery(consumer, eventId)
                .invoke(first -> duplicate.set(!first))
                .chain(first -> first ? effect.get() : Uni.createFrom().item(Optional.<ComandaEvent>empty()))
                .chain(announcement -> announcement.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : outbox.append(announcement.get()).replaceWithVoid()))
                .invoke(() -> duplicates.absorbed(consumer, duplicate.get() ? 1 : 0));
    }
}
