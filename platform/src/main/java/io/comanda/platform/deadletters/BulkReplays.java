package io.comanda.platform.deadletters;

import io.comanda.platform.problem.ProblemException;
import io.comanda.platform.problem.ProblemType;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Replays a selection of dead letters in the background, all bulk replays of this instance together at most
 * {@code comanda.dead-letters.replay-rate} a second ({@link ReplayThrottle}): each round waits for its turn,
 * claims the next batch (a second's worth, at most 100) with {@code FOR UPDATE SKIP LOCKED}, sends it and
 * marks it replayed. Two bulk replays, on one instance or two, claim disjoint dead letters, so each is sent
 * once. At most {@value #MAX_RUNNING} run at once and {@value #MAX_QUEUED} more wait; a request beyond those
 * is refused (503). A bulk replay selects what was waiting when it was asked for: a dead letter that fails
 * again after its replay waits for the next request. Progress shows in the listing's counts; a replay cut
 * short by a stop finishes its batch's sends and leaves the rest waiting ({@link StaleReplayClaims} for a
 * claim it could not mark).
 */
@ApplicationScoped
public class BulkReplays {

    static final int MAX_RUNNING = 2;
    static final int MAX_QUEUED = 8;
    private static final int MAX_BATCH = 100;
    private static final long STOP_WAIT_SECONDS = 70;
    private static final Logger LOG = Logger.getLogger(BulkReplays.class);

    private final DeadLetterClaims claims;
    private final Replays replays;
    private final DeadLetterConfig config;
    private final ReplayThrottle throttle;
    private final ThreadPoolExecutor runs = new ThreadPoolExecutor(MAX_RUNNING, MAX_RUNNING, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_QUEUED), task -> {
                Thread thread = new Thread(task, "comanda-bulk-replay");
                thread.setDaemon(true);
                return thread;
            });

    public BulkReplays(DeadLetterClaims claims, Replays replays, DeadLetterConfig config) {
        this.claims = claims;
        this.replays = replays;
        this.config = config;
        this.throttle = new ReplayThrottle(config.replayRate(), System::nanoTime);
    }

    /**
     * Starts replaying the selection; returns at once.
     *
     * @throws ProblemException 503 when as many bulk replays as this instance takes run or wait already
     */
    void start(DeadLetterClaims.Selection selection, String operator) {
        try {
            runs.execute(() -> {
                try {
                    long replayed = run(selection, operator);
                    LOG.infof("Bulk replay by %s of type %s, reason %s: %d dead letters replayed", operator,
                            selection.type(), selection.reason(), replayed);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Bulk replay by %s of type %s, reason %s stopped; what it did not replay waits "
                            + "(ask again to go on)", operator, selection.type(), selection.reason());
                }
            });
        } catch (RejectedExecutionException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, (MAX_RUNNING + MAX_QUEUED) + " bulk replays run or "
                    + "wait on this instance already; ask again when they are done.");
        }
    }

    long run(DeadLetterClaims.Selection selection, String operator) {
        int batch = Math.min(MAX_BATCH, Math.max(1, config.replayRate()));
        long replayed = 0;
        while (!Thread.currentThread().isInterrupted()) {
            throttle.await(batch);
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            List<IndexedDeadLetter> claimed = claims.claim(selection, DeadLetterOperations.REPLAY_LIMIT, batch)
                    .await().atMost(Replays.DATABASE_LIMIT);
            if (claimed.isEmpty()) {
                return replayed;
            }
            int sent = replays.send(claimed, operator).size();
            if (sent == 0) {
                // Kafka took none of a whole batch: they wait again, and claiming them again now would only spin.
                throw new IllegalStateException("Kafka took none of " + claimed.size() + " replays");
            }
            replayed += sent;
        }
        return replayed;
    }

    /** Interrupts the bulk replays and waits for the sends of their current batches, bounded. */
    void stop(@Observes ShutdownEvent stop) {
        runs.shutdownNow();
        try {
            if (!runs.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Bulk replays did not finish their batches in time; their claims wait to go stale");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
