package io.comanda.notifications.domain;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends an order mail once, across redeliveries, rebalances and instances:
 * <ol>
 *   <li>the mail is claimed in a transaction of its own, committed before anything is sent; a
 *       redelivery reads the claim, not the send ({@link ClaimDecision});</li>
 *   <li>the mail is sent, with a Message-ID derived from its event;</li>
 *   <li>one consumer transaction marks it sent and records the event in the inbox; should it fail, this
 *       process writes the mark again on its own ({@link #recordAcceptedMails()}) and on the event's retry
 *       here, and sends nothing more.</li>
 * </ol>
 * A fresh claim by another sender makes a delivery wait (a transient failure, retried); a claim older
 * than {@code comanda.notifications.claim-lease} is a dead sender's, and its mail is sent again. What
 * remains: a crash between the SMTP server's acceptance and the sent mark gives a second copy, with the
 * same Message-ID, once the lease has run out.
 */
@ApplicationScoped
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class);

    private final NotificationStore store;
    private final OrderMailer mailer;
    private final NotificationMetrics metrics;
    private final LocalSends local;
    private final Duration lease;
    private final String claimant;

    public MailDelivery(NotificationStore store, OrderMailer mailer, NotificationMetrics metrics, LocalSends local,
                        NotificationsConfig config) {
        this.store = store;
        this.mailer = mailer;
        this.metrics = metrics;
        this.local = local;
        this.lease = config.claimLease();
        // Per start: a restarted instance must not take its predecessor's claims for its own failed attempts.
        this.claimant = config.instance() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This process's name in the claims it writes. */
    public String claimant() {
        return claimant;
    }

    public Uni<Void> deliver(Context context, MailToSend mail) {
        UUID eventId = mail.eventId();
        Notification claim = Notification.claimed(eventId, mail.summary().orderId(), mail.customerId(), mail.kind(),
                claimant, now());
        AtomicBoolean claimedHere = new AtomicBoolean();
        return store.claim(claim, current -> decide(current, mail, claimedHere))
                .onFailure().invoke(() -> {
                    if (claimedHere.get()) {
                        local.forget(eventId);
                    }
                })
                .chain(decision -> switch (decision) {
                    case SEND -> send(context, mail).chain(() -> record(mail));
                    case RECORD -> record(mail);
                    case DONE -> Uni.createFrom().voidItem();
                    case WAIT -> Uni.createFrom().failure(new MailClaimedElsewhereException(eventId,
                            mail.summary().orderId()));
                });
    }

    // Runs inside the claim's transaction, with the row locked: marking the send in flight here keeps a
    // concurrent delivery of the same event in this process from sending it too.
    private ClaimDecision decide(MailClaim current, MailToSend mail, AtomicBoolean claimedHere) {
        ClaimDecision decision = ClaimDecision.of(current, claimant, local.of(mail.eventId()), Instant.now(), lease);
        if (decision == ClaimDecision.SEND) {
            local.inFlight(mail);
            claimedHere.set(true);
        }
        return decision;
    }

    private Uni<Void> send(Context context, MailToSend mail) {
        return MessageContext.backOn(context, mailer.send(mail.eventId(), mail.recipient(), mail.kind(), mail.summary(),
                        mail.reason()))
                .onItemOrFailure().invoke((accepted, failure) -> {
                    if (failure == null) {
                        local.accepted(mail);
                        metrics.sent(mail.kind().template());
                    } else {
                        local.forget(mail.eventId());
                        metrics.failed(mail.kind().template());
                    }
                });
    }

    private Uni<Void> record(MailToSend mail) {
        UUID eventId = mail.eventId();
        Notification sent = Notification.sent(eventId, mail.summary().orderId(), mail.customerId(), mail.kind(),
                mailer.messageId(eventId), now());
        return store.record(OrderNotifier.CONSUMER, sent)
                .invoke(() -> local.forget(eventId))
                .onFailure().transform(failure -> new MailSentUnrecordedException(eventId, mail.summary().orderId(),
                        failure));
    }

    /**
     * Writes the sent marks that failed after the SMTP server accepted their mails, without waiting for
     * the events' retries: a retry may be taken by another instance, which sees only this process's claim
     * and would send the mail again once the lease has run out. A mark that fails again is tried at the
     * next run, until it is written or a retry here writes it.
     */
    @Scheduled(every = "${comanda.notifications.unrecorded-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> recordAcceptedMails() {
        return Multi.createFrom().iterable(local.unrecorded())
                .onItem().transformToUniAndConcatenate(mail -> record(mail).onFailure().recoverWithItem(failure -> {
                    LOG.debugf("The sent mark of event %s still cannot be written: %s", mail.eventId(),
                            failure.getMessage());
                    return null;
                }))
                .collect().last().replaceWithVoid();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
