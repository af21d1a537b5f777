package io.comanda.notifications.domain;

import io.smallrye.mutiny.Uni;

import java.util.UUID;
import java.util.function.Function;

/** Where the orders written about and the notifications sent are kept. */
public interface NotificationStore {

    /** Keeps what later mails need of a placed order, in a transaction of its own. */
    Uni<Void> keep(OrderSummary summary);

    /** Whether the mail answering event {@code eventId} is sent or skipped (a claim alone is neither). */
    Uni<Boolean> notified(UUID eventId);

    /** The kept summary of order {@code orderId}, or null when it is not known (yet). */
    Uni<OrderSummary> summary(UUID orderId);

    /**
     * In a transaction of its own, committed before the answer: reads the event's claim with its row
     * locked (null when there is none), asks {@code decide}, and when the decision
     * {@linkplain ClaimDecision#writesClaim() writes the claim}, writes {@code claim} (a new row, or the
     * existing one claimed again).
     */
    Uni<ClaimDecision> claim(Notification claim, Function<MailClaim, ClaimDecision> decide);

    /**
     * Records {@code outcome} (sent or skipped) and its event in the inbox of {@code consumer}, in one
     * transaction, once: over the event's claim when there is one.
     */
    Uni<Void> record(String consumer, Notification outcome);
}
