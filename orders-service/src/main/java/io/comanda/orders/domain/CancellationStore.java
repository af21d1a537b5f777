package io.comanda.orders.domain;

import io.comanda.events.ComandaEvent;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/** Where operators' cancels are applied: the order's change and its announcement in one transaction. */
public interface CancellationStore {

    /**
     * Moves the order from PENDING to CANCELLED, one version on, with the cancel's reason and operator, and
     * stores the event {@code announcement} makes of the cancelled order, in one transaction. An order that
     * is not PENDING is left as it was and nothing is stored.
     */
    Uni<CancellationResult> cancel(UUID orderId, OperatorCancel cancel, Instant now,
                                   Function<SettledOrder, ComandaEvent> announcement);
}
