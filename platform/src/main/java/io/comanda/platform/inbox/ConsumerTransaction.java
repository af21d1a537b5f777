package io.comanda.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The one transaction in which a consumer applies an event with Hibernate Reactive: the inbox record and
 * the effect commit together, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class ConsumerTransaction {

    private final Inbox inbox;
    private final DuplicateDeliveries duplicates;

    public ConsumerTransaction(Inbox inbox, DuplicateDeliveries duplicates) {
        this.inbox = inbox;
        this.duplicates = duplicates;
    }

    /**
     * @param consumer the inbox's name of the consumer
     * @param eventId  the event's {@code ce_id}
     * @param effect   run only on the event's first delivery to {@code consumer}, in the transaction
     */
    public Uni<Void> applyOnce(String consumer, UUID eventId, Supplier<Uni<Void>> effect) {
        // Counted once the transaction has committed: a rolled-back delivery is retried, not absorbed.
        AtomicBoolean duplicate = new AtomicBoolean();
        return Panache.withTransaction(() -> inbox.recordFirstDelivery(consumer, eventId)
                        .invoke(first -> duplicate.set(!first))
                        .chain(first -> first ? effect.get() : Uni.createFrom().voidItem()))
                .invoke(() -> duplicates.absorbed(consumer, duplicate.get() ? 1 : 0));
    }
}
