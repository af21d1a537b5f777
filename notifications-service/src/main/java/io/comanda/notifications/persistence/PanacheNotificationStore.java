package io.comanda.notifications.persistence;

import io.comanda.notifications.domain.ClaimDecision;
import io.comanda.notifications.domain.MailClaim;
import io.comanda.notifications.domain.Notification;
import io.comanda.notifications.domain.NotificationStore;
import io.comanda.notifications.domain.OrderSummary;
import io.comanda.platform.inbox.ConsumerTransaction;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;
import java.util.function.Function;

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
        return Panache.withSession(() -> notifications.findById(eventId))
                .map(found -> found != null && found.claim().state() != Notification.State.CLAIMED);
    }

    @Override
    public Uni<OrderSummary> summary(UUID orderId) {
        return Panache.withSession(() -> summaries.findById(orderId));
    }

    @Override
    public Uni<ClaimDecision> claim(Notification claim, Function<MailClaim, ClaimDecision> decide) {
        // The row lock serialises deliveries of one event; two first claims race on the primary key instead,
        // and the loser fails, to be retried, and then reads the winner's claim.
        return Panache.withTransaction(() -> notifications.findById(claim.eventId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(current -> {
                    ClaimDecision decision = decide.apply(current == null ? null : current.claim());
                    if (!decision.writesClaim()) {
                        return Uni.createFrom().item(decision);
                    }
                    Uni<Void> written = current == null ? notifications.persist(claim).replaceWithVoid()
                            : Uni.createFrom().voidItem().invoke(() -> current.claimAgain(claim));
                    return written.chain(() -> Panache.getSession().chain(session -> session.flush()))
                            .replaceWith(decision);
                }));
    }

    @Override
    public Uni<Void> record(String consumer, Notification outcome) {
        return transaction.applyOnce(consumer, outcome.eventId(), () -> notifications.findById(outcome.eventId())
                .chain(current -> current == null ? notifications.persist(outcome).replaceWithVoid()
                        : Uni.createFrom().voidItem().invoke(() -> current.conclude(outcome))));
    }
}
