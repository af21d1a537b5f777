package io.comanda.platform.deadletters;

import io.comanda.platform.logging.UntrustedText;
import io.comanda.platform.messaging.ConsumerChannel;
import io.comanda.platform.messaging.ConsumerChannels;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
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
 * replayed and lets the others wait again. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class Replays {

    static final Duration DATABASE_LIMIT = Duration.ofSeconds(30);
    private static final long SEND_LIMIT_SECONDS = 60;
    private static final Logger LOG = Logger.getLogger(Replays.class);

    private final DeadLetterClaims claims;
    private final ReplaySender sender;
    private final DeadLetterMetrics metrics;
    private final Config config;
    private volatile List<ConsumerChannel> channels;

    public Replays(DeadLetterClaims claims, ReplaySender sender, DeadLetterMetrics metrics, Config config) {
        this.claims = claims;
        this.sender = sender;
        this.metrics = metrics;
        this.config = config;
    }

    /** @return the outcome of each claimed dead letter Kafka took; the others wait again */
    List<DeadLetterViews.Replayed> send(List<IndexedDeadLetter> claimed, String operator) {
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (IndexedDeadLetter dead : claimed) {
            sends.add(sender.send(dead, replayTopic(dead), dead.replayCount() + 1));
        }
        List<Long> sent = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        List<DeadLetterViews.Replayed> replayed = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            IndexedDeadLetter dead = claimed.get(i);
            Optional<String> failure = awaitSend(sends.get(i));
            if (failure.isPresent()) {
                LOG.warnf("%s: dead letter %s was not replayed, it waits again: %s", dead.letter().group(),
                        dead.letter().id(), failure.get());
                failed.add(dead.letter().id().number());
                continue;
            }
            sent.add(dead.letter().id().number());
            replayed.add(new DeadLetterViews.Replayed(dead.letter().id().toString(), replayTopic(dead),
                    dead.replayCount() + 1));
            log(dead, operator);
        }
        if (!failed.isEmpty()) {
            claims.release(failed).await().atMost(DATABASE_LIMIT);
        }
        if (!sent.isEmpty()) {
            claims.replayed(sent, operator).await().atMost(DATABASE_LIMIT);
        }
        return replayed;
    }

    private void log(IndexedDeadLetter dead, String operator) {
        DeadLetter letter = dead.letter();
        metrics.replayed(letter.group());
        LOG.infof("%s: dead letter %s (%s %s, key %s) replayed to %s by %s, replay %d", letter.group(), letter.id(),
                letter.ceType(), letter.ceId(), UntrustedText.of(letter.key()), replayTopic(dead),
                UntrustedText.of(operator), dead.replayCount() + 1);
    }

    private static Optional<String> awaitSend(CompletableFuture<Void> send) {
        try {
            send.get(SEND_LIMIT_SECONDS, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (ExecutionException e) {
            return Optional.of(String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            return Optional.of("Kafka did not take it within " + SEND_LIMIT_SECONDS + " s");
        }
    }

    /** The replay topic of the channel the dead letter failed in. */
    String replayTopic(IndexedDeadLetter dead) {
        DeadLetter letter = dead.letter();
        return channels().stream().filter(channel -> channel.group().equals(letter.group()))
                .filter(channel -> channel.deadLetterTopic().equals(letter.id().topic())
                        || channel.topic().equals(letter.originTopic()))
                .findFirst().map(ConsumerChannel::replayTopic)
                .orElseThrow(() -> new IllegalStateException("no consumer channel of group " + letter.group()
                        + " reads " + letter.originTopic()));
    }

    List<ConsumerChannel> channels() {
        List<ConsumerChannel> known = channels;
        if (known == null) {
            known = ConsumerChannels.of(config);
            channels = known;
        }
        return known;
    }
}
