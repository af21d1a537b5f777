package io.comanda.platform.deadletters;

import io.comanda.platform.logging.UntrustedText;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends claimed dead letters to their consumer group's replay topic, then marks those Kafka took as
 * replayed and only then lets the others wait again. Blocking: call it from a worker thread.
 *
 * <p>A send Kafka may have taken is never let go to wait again, which would replay it twice: a stop or an
 * interrupt still waits for the pending sends (up to {@value #SEND_LIMIT_SECONDS} s in all), and the mark
 * is tried {@value #MARK_ATTEMPTS} times. A mark that still fails leaves the claims to
 * {@link StaleReplayClaims}, and says so.
 */
@ApplicationScoped
public class Replays {

    static final Duration DATABASE_LIMIT = Duration.ofSeconds(30);
    private static final long SEND_LIMIT_SECONDS = 60;
    private static final int MARK_ATTEMPTS = 3;
    private static final long MARK_PAUSE_MS = 1_000;
    private static final Logger LOG = Logger.getLogger(Replays.class);

    private final DeadLetterClaims claims;
    private final ReplaySender sender;
    private final ReplayTopics topics;
    private final DeadLetterMetrics metrics;

    public Replays(DeadLetterClaims claims, ReplaySender sender, ReplayTopics topics, DeadLetterMetrics metrics) {
        this.claims = claims;
        this.sender = sender;
        this.topics = topics;
        this.metrics = metrics;
    }

    /** @return the outcome of each claimed dead letter Kafka took; the others wait again */
    List<DeadLetterViews.Replayed> send(List<IndexedDeadLetter> claimed, String operator) {
        List<Optional<String>> replayTopics = claimed.stream().map(dead -> topics.of(dead.letter())).toList();
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            IndexedDeadLetter dead = claimed.get(i);
            sends.add(replayTopics.get(i).map(topic -> sender.send(dead, topic, dead.replayCount() + 1))
                    .orElseGet(() -> CompletableFuture.failedFuture(new IllegalStateException(
                            "no consumer channel of group " + dead.letter().group() + " reads "
                                    + dead.letter().originTopic()))));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SEND_LIMIT_SECONDS);
        List<Long> sent = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        List<DeadLetterViews.Replayed> replayed = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            IndexedDeadLetter dead = claimed.get(i);
            Optional<String> failure = awaitSend(sends.get(i), deadline);
            if (failure.isPresent()) {
                LOG.warnf("%s: dead letter %s was not replayed, it waits again: %s", dead.letter().group(),
                        dead.letter().id(), failure.get());
                failed.add(dead.letter().id().number());
                continue;
            }
            sent.add(dead.letter().id().number());
            replayed.add(new DeadLetterViews.Replayed(dead.letter().id().toString(), replayTopics.get(i).orElseThrow(),
                    dead.replayCount() + 1));
            log(dead, replayTopics.get(i).orElseThrow(), operator);
        }
        markReplayed(sent, operator);
        if (!failed.isEmpty()) {
            claims.release(failed).await().atMost(DATABASE_LIMIT);
        }
        return replayed;
    }

    /** Marks what Kafka took as replayed, trying again: a claim left to go stale would be replayed again. */
    private void markReplayed(List<Long> sent, String operator) {
        if (sent.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                claims.replayed(sent, operator).await().atMost(DATABASE_LIMIT);
                return;
            } catch (RuntimeException e) {
                if (attempt == MARK_ATTEMPTS) {
                    LOG.errorf(e, "%d dead letters were replayed but cannot be marked so: they stay claimed, and go "
                            + "back to waiting when their claim is stale (then a replay sends them again)", sent.size());
                    throw e;
                }
                pauseBeforeAttempt(attempt);
            }
        }
    }

    private static void pauseBeforeAttempt(int attempt) {
        try {
            Thread.sleep(MARK_PAUSE_MS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // Kept for the caller; the last attempts are made at once.
        }
    }

    private void log(IndexedDeadLetter dead, String replayTopic, String operator) {
        DeadLetter letter = dead.letter();
        metrics.replayed(letter.group());
        LOG.infof("%s: dead letter %s (%s %s, key %s) replayed to %s by %s, replay %d", letter.group(), letter.id(),
                letter.ceType(), letter.ceId(), UntrustedText.of(letter.key()), replayTopic,
                UntrustedText.of(operator), dead.replayCount() + 1);
    }

    /**
     * Waits until Kafka took the send or failed it, or the deadline passed. An interrupt (a stop) does not cut
     * the wait short: the send may already be on its way; the interrupt is kept for the caller.
     */
    static Optional<String> awaitSend(CompletableFuture<Void> send, long deadline) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return Optional.empty();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return Optional.of(String.valueOf(e.getCause().getMessage()));
                } catch (TimeoutException e) {
                    return Optional.of("Kafka did not take it within " + SEND_LIMIT_SECONDS + " s");
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
