package io.comanda.orders.messaging;

import io.comanda.orders.domain.WaitingDeadLetters;
import io.comanda.platform.deadletters.DeadLetterIndex;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The order's dead letters in the platform's index: payment outcomes are keyed by their order. */
@ApplicationScoped
public class IndexedWaitingDeadLetters implements WaitingDeadLetters {

    private final DeadLetterIndex index;

    public IndexedWaitingDeadLetters(DeadLetterIndex index) {
        this.index = index;
    }

    @Override
    public Uni<Void> orderSettled(UUID orderId, String why) {
        return index.settleWaiting(orderId.toString(), why).replaceWithVoid();
    }
}
