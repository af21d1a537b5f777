package io.comanda.platform.deadletters;

import io.comanda.platform.logging.UntrustedText;
import io.comanda.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * What an operator does with the dead letters of this service's consumers, on the dead-letter index: list
 * those still waiting, look at one, replay one or a selection to its own consumer group only, or discard
 * one (a flagged one only once checked or forced, see {@link #discard}). A replayed, discarded or settled
 * dead letter no longer waits. Every change is a conditional update of the dead letter's row
 * ({@link DeadLetterClaims}), so two operators, or two instances, never both replay or discard one.
 * Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class DeadLetterOperations {

    /** A dead letter replayed this often is replayed again only when the operator forces it. */
    public static final int REPLAY_LIMIT = 3;

    private static final Logger LOG = Logger.getLogger(DeadLetterOperations.class);

    private final DeadLetterIndex index;
    private final DeadLetterClaims claims;
    private final Replays replays;
    private final ReplayTopics replayTopics;
    private final BulkReplays bulkReplays;
    private final DeadLetterMetrics metrics;
    private final Instance<DiscardCheck> checks;

    public DeadLetterOperations(DeadLetterIndex index, DeadLetterClaims claims, Replays replays,
                                ReplayTopics replayTopics, BulkReplays bulkReplays, DeadLetterMetrics metrics,
                                Instance<DiscardCheck> checks) {
        this.index = index;
        this.claims = claims;
        this.replays = replays;
        this.replayTopics = replayTopics;
        this.bulkReplays = bulkReplays;
        this.metrics = metrics;
        this.checks = checks;
    }

    /** A page of the dead letters still waiting, newest first, with how many wait in all. */
    public DeadLetterViews.Page waiting(int page, int size) {
        return index.waiting(page, size).await().atMost(Replays.DATABASE_LIMIT);
    }

    /** The dead letter with this id, waiting or resolved. */
    public Optional<IndexedDeadLetter> find(String id) {
        return DeadLetterId.parse(id).flatMap(at -> index.find(at).await().atMost(Replays.DATABASE_LIMIT));
    }

    /**
     * Sends the dead letter back to its consumer group's replay topic, with its replay count one higher.
     *
     * @throws ProblemException 404 when there is none, 409 when it no longer waits (resolved, or another
     *                          replay holds it) or was replayed {@value #REPLAY_LIMIT} times already and
     *                          {@code force} is false
     */
    public DeadLetterViews.Replayed replay(String id, boolean force, String operator) {
        IndexedDeadLetter dead = waitingOne(id);
        if (dead.replayCount() >= REPLAY_LIMIT && !force) {
            throw ProblemException.conflict("Dead letter " + id + " was replayed " + dead.replayCount()
                    + " times and failed each time; fix the cause, then replay it with force=true.");
        }
        if (replayTopics.of(dead.letter()).isEmpty()) {
            throw ProblemException.conflict("Dead letter " + id + " failed in consumer group " + dead.letter().group()
                    + " reading " + dead.letter().originTopic() + ", which this service no longer has: "
                    + "it cannot be replayed, only discarded.");
        }
        IndexedDeadLetter claimed = claims.claim(dead.letter().id().number()).await().atMost(Replays.DATABASE_LIMIT)
                .orElseThrow(() -> ProblemException.conflict("Dead letter " + id + " was taken by another replay "
                        + "or discard just now; it waits no more."));
        return replays.send(List.of(claimed), operator).stream().findFirst().orElseThrow(() ->
                new IllegalStateException("Kafka did not take the replay of dead letter " + id + "; it waits again"));
    }

    /**
     * Starts replaying, in the background and throttled ({@link BulkReplays}), every dead letter waiting now
     * of this ce_type and/or whose reason contains {@code reason}; those at the replay limit are left waiting
     * unless {@code force}.
     */
    public BulkReplay replay(String type, String reason, boolean force, String operator) {
        DeadLetterClaims.Selection selection = new DeadLetterClaims.Selection(type, reason, force,
                claims.now().await().atMost(Replays.DATABASE_LIMIT), replayTopics.channels());
        long[] counted = claims.count(selection, REPLAY_LIMIT).await().atMost(Replays.DATABASE_LIMIT);
        if (counted[0] > 0) {
            bulkReplays.start(selection, operator);
        }
        return new BulkReplay(counted[0], counted[1]);
    }

    /**
     * How many waiting dead letters a bulk replay took on, and how many it left waiting at the replay limit;
     * the listing's total falls as they are replayed.
     */
    public record BulkReplay(long matched, long refused) {
    }

    /**
     * Keeps the dead letter out of later listings for good. Discarding a discarded one again changes nothing.
     * A flagged dead letter, after which an effect that cannot be undone may exist, is discarded only when
     * the service's {@link DiscardCheck}s find no effect, or when {@code force}d: then with the operator's
     * reason, logged as a warning and counted.
     *
     * @param reason why the operator discards it: kept with the resolution; required with {@code force}
     * @throws ProblemException 404 when there is none, 409 when it was replayed, settled or is being
     *                          replayed, or is flagged and neither cleared by a check nor forced
     */
    public void discard(String id, String operator, boolean force, String reason) {
        IndexedDeadLetter dead = find(id).orElseThrow(() -> notFound(id));
        if (dead.status() == IndexedDeadLetter.Status.DISCARDED) {
            return;
        }
        requireWaiting(id, dead);
        DeadLetter letter = dead.letter();
        DiscardDecision decision = DiscardDecision.of(letter, checks, force);
        if (decision instanceof DiscardDecision.Refused refused) {
            throw ProblemException.conflict(refused.detail());
        }
        if (!claims.discard(letter.id().number(), operator, reason).await().atMost(Replays.DATABASE_LIMIT)) {
            discardedMeanwhile(id);
            return;
        }
        metrics.discarded(letter.group());
        if (decision instanceof DiscardDecision.Forced forced) {
            metrics.forcedDiscard(letter.group());
            LOG.warnf("%s: dead letter %s (%s %s, key %s) discarded by %s, forced although %s; reason: %s",
                    letter.group(), id, letter.ceType(), letter.ceId(), UntrustedText.of(letter.key()),
                    UntrustedText.of(operator), UntrustedText.of(forced.effect()), UntrustedText.of(reason));
        } else {
            LOG.infof("%s: dead letter %s (%s %s, key %s) discarded by %s%s", letter.group(), id, letter.ceType(),
                    letter.ceId(), UntrustedText.of(letter.key()), UntrustedText.of(operator),
                    decision instanceof DiscardDecision.Checked ? ", its check having found no effect" : "");
        }
    }

    /** Another operator resolved it while the checks ran: a second discard changes nothing, else 409. */
    private void discardedMeanwhile(String id) {
        IndexedDeadLetter now = find(id).orElseThrow(() -> notFound(id));
        if (now.status() != IndexedDeadLetter.Status.DISCARDED) {
            requireWaiting(id, now);
        }
    }

    private IndexedDeadLetter waitingOne(String id) {
        IndexedDeadLetter dead = find(id).orElseThrow(() -> notFound(id));
        requireWaiting(id, dead);
        return dead;
    }

    private static void requireWaiting(String id, IndexedDeadLetter dead) {
        if (dead.status() == IndexedDeadLetter.Status.REPLAYING) {
            throw ProblemException.conflict("Dead letter " + id + " is being replayed; it waits no more.");
        }
        dead.resolution().ifPresent(done -> {
            throw ProblemException.conflict("Dead letter " + id + " was " + done.action().name().toLowerCase()
                    + " by " + done.by() + " at " + done.at() + "; it waits no more.");
        });
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No dead letter " + id + " in this service's dead-letter index.");
    }
}
