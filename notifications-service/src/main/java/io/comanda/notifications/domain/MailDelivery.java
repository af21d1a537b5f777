package io.comanda.notifications.domain;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends an order mail once, across redeliveries, rebalances and instances:
 * <ol>
 *   <li>the mail is claimed in a transaction of its own, committed before anything is sent; a
 *       redelivery reads the claim, not the send ({@link ClaimDecision});</li>
 *   <li>the mail is sent, with a Message-ID derived from its event, and given up as "may have gone out"
 *       past {@code send-timeout}, well within the lease; a late answer is still taken in;</li>
 *   <li>one consumer transaction marks it sent and records the event in the inbox; should it fail, this
 *       process writes the mark again on its own ({@link #recordAcceptedMails()}) and on the event's retry
 *       here, and sends nothing more.</li>
 * </ol>
 * A fresh claim by another sender makes a delivery wait (a transient failure, retried). A claim older
 * than {@code claim-lease} is taken over in two steps: first claimed here with nothing sent, then sent by
 * a later attempt, {@code takeover-wait} on, if the claim is still this process's; meanwhile its former
 * holder, should it have sent the mail, marks it sent. The window that remains is the README's.
 */
@Startup
@ApplicationScoped
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class);

    private final NotificationStore store;
    private final OrderMailer mailer;
    private final NotificationMetrics metrics;
    private final LocalSends local;
    private final ClaimTimings timings;
    private final String claimant;

    // Created at start, so that timings that could send a mail twice stop the service there.
    public MailDelivery(NotificationStore store, OrderMailer mailer, NotificationMetrics metrics, LocalSends local,
                        NotificationsConfig config) {
        this.store = store;
        this.mailer = mailer;
        this.metrics = metrics;
        this.local = local;
        this.timings = ClaimTimings.of(config);
        // Per start: a restarted instance must not take its predecessor's claims for its own failed attempts.
        this.claimant = config.instance() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This process's name in the claims it writes. */
    public String claimant() {
        return claimant;
    }

    public Uni<Void> deliver(Context context, MailToSend mail) {
        if (local.full()) {
            return Uni.createFrom().failure(new UnrecordedMailsBacklogException(LocalSends.MAX_ENTRIES));
        }
        UUID eventId = mail.eventId();
        UUID orderId = mail.summary().orderId();
        Instant claimedAt = now();
        Notification claim = Notification.claimed(eventId, orderId, mail.customerId(), mail.kind(), claimant, claimedAt);
        AtomicBoolean sendClaimed = new AtomicBoolean();
        return store.claim(claim, current -> decide(current, mail, claimedAt, sendClaimed))
                .onFailure().invoke(() -> {
                    // A takeover stays noted even so: should its claim have committed, the wait still holds.
                    if (sendClaimed.get()) {
                        local.failed(eventId, claimedAt);
                    }
                })
                .chain(decision -> switch (decision) {
                    case SEND -> send(context, mail, claimedAt).chain(() -> record(mail));
                    case TAKE_OVER -> Uni.createFrom().failure(new MailClaimTakenOverException(eventId, orderId));
                    case RECORD -> record(mail);
                    case DONE -> Uni.createFrom().voidItem();
                    case WAIT -> Uni.createFrom().failure(new MailClaimedElsewhereException(eventId, orderId));
                });
    }

    // Runs inside the claim's transaction, with the row locked: noting the send or the takeover here keeps a
    // concurrent delivery of the same event in this process from sending it too.
    private ClaimDecision decide(MailClaim current, MailToSend mail, Instant claimedAt, AtomicBoolean sendClaimed) {
        ClaimDecision decision = ClaimDecision.of(current, claimant, local.of(mail.eventId()), claimedAt, timings);
        if (decision == ClaimDecision.SEND) {
            local.inFlight(mail, claimedAt);
            sendClaimed.set(true);
        } else if (decision == ClaimDecision.TAKE_OVER) {
            local.takenOver(mail, claimedAt);
        }
        return decision;
    }

    // The SMTP exchange is not abandoned at the timeout (the mail client cannot be told to): its answer,
    // however late, still tells this process whether the mail went, and an accepted one is marked.
    private Uni<Void> send(Context context, MailToSend mail, Instant claimedAt) {
        UUID eventId = mail.eventId();
        CompletableFuture<Void> answer = new CompletableFuture<>();
        // Deferred: a mail that cannot even be rendered fails like a refused one, and is not left in flight.
        Uni.createFrom().deferred(() -> mailer.send(eventId, mail.recipient(), mail.kind(), mail.summary(), mail.reason()))
                .subscribe().with(accepted -> {
                    local.accepted(mail, claimedAt);
                    metrics.sent(mail.kind().template());
                    answer.complete(null);
                }, failure -> {
                    local.failed(eventId, claimedAt);
                    metrics.failed(mail.kind().template());
                    answer.completeExceptionally(failure);
                });
        return MessageContext.backOn(context, Uni.createFrom().completionStage(answer)
                .ifNoItem().after(timings.sendTimeout()).failWith(() -> {
                    local.timedOut(eventId, claimedAt);
                    return new MailSendTimedOutException(eventId, mail.summary().orderId(), timings.sendTimeout());
                }));
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
     * and would take the claim over once the lease has run out: a mark written within that instance's
     * takeover wait keeps it from sending. The mark is written over whoever holds the claim now. A mark
     * that fails again is tried at the next run, until it is written or a retry here writes it.
     */
    @Scheduled(every = "${comanda.notifications.unrecorded-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> recordAcceptedMails() {
        local.expire(Instant.now(), timings.lease());
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
