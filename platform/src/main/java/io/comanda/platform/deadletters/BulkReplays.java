package io.comanda.platform.deadletters;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Replays a selection of dead letters in the background, at most {@code comanda.dead-letters.replay-rate}
 * a second: each round claims the next batch (a second's worth, at most 100) with {@code FOR UPDATE SKIP
 * LOCKED}, sends it, marks it replayed, and waits out the rest of its share of time. Two bulk replays, on one
 * instance or two, claim disjoint dead letters, so each is sent once. A bulk replay selects what was waiting
 * when it was asked for: a dead letter that fails again after its replay waits for the next request.
 * Progress shows in the listing's counts; a replay cut short by a stop leaves its claims to
 * {@link StaleReplayClaims}.
 */
@ApplicationScoped
public class BulkReplays {

    private static final int MAX_BATCH = 100;
    private static final Logger LOG = Logger.getLogger(BulkReplays.class);

    private final DeadLetterClaims claims;
    private final Replays replays;
    private final DeadLetterConfig config;
    private final ExecutorService runs = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "comanda-bulk-replay");
        thread.setDaemon(true);
        return thread;
    });

    public BulkReplays(DeadLetterClaims claims, Replays replays, DeadLetterConfig config) {
        this.claims = claims;
        this.replays = replays;
        this.config = config;
    }

    /** Starts replaying the selection; returns at once. */
    void start(DeadLetterClaims.Selection selection, String operator) {
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
    }

    long run(DeadLetterClaims.Selection selection, String operator) {
        int rate = Math.max(1, config.replayRate());
        int batch = Math.min(MAX_BATCH, rate);
        long replayed = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long started = System.nanoTime();
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
            pace(started, claimed.size(), rate);
        }
        return replayed;
    }

    /** Waits until {@code sent} records at {@code rate} a second would have taken since {@code started}. */
    private static void pace(long started, int sent, int rate) {
        long due = started + TimeUnit.MILLISECONDS.toNanos(1_000L * sent / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        runs.shutdownNow();
    }
}
