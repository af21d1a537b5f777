package io.comanda.platform.deadletters;

import io.comanda.platform.deadletters.Resolutions.Action;
import io.comanda.platform.deadletters.Resolutions.Resolution;
import io.comanda.platform.logging.UntrustedText;
import io.comanda.platform.messaging.ConsumerChannel;
import io.comanda.platform.messaging.ConsumerChannels;
import io.comanda.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an operator does with the dead letters of this service's consumers: list those still waiting,
 * look at one, replay it to its own consumer group only, or discard it (a flagged one only once checked or
 * forced, see {@link #discard}). Replays and discards are kept as
 * resolutions ({@link Resolutions}); a resolved dead letter no longer waits. Blocking (it reads Kafka):
 * call it from a worker thread. Replays and discards are serialised, so one dead letter is never
 * replayed twice by two operators at once.
 */
@ApplicationScoped
public class DeadLetterOperations {

    /** A dead letter replayed this often is replayed again only when the operator forces it. */
    public static final int REPLAY_LIMIT = 3;

    private static final Logger LOG = Logger.getLogger(DeadLetterOperations.class);

    private final DeadLetterTopics topics;
    private final Resolutions resolutions;
    private final DeadLetterMetrics metrics;
    private final Config config;
    private final Instance<DiscardCheck> checks;
    private volatile List<ConsumerChannel> channels;

    public DeadLetterOperations(DeadLetterTopics topics, Resolutions resolutions, DeadLetterMetrics metrics,
                                Config config, Instance<DiscardCheck> checks) {
        this.topics = topics;
        this.resolutions = resolutions;
        this.metrics = metrics;
        this.config = config;
        this.checks = checks;
    }

    /** Every dead letter still waiting, newest first; recounts the waiting gauge of each group. */
    public List<DeadLetter> waiting() {
        List<DeadLetter> waiting = new ArrayList<>();
        for (ConsumerChannel channel : channels()) {
            Map<String, Resolution> resolved = resolutions.of(channel.resolutionsTopic());
            List<DeadLetter> ofChannel = topics.readAll(channel.deadLetterTopic()).stream()
                    .map(record -> letter(channel, record))
                    .filter(letter -> !resolved.containsKey(letter.id().toString()))
                    .toList();
            metrics.waiting(channel.group(), ofChannel.size());
            waiting.addAll(ofChannel);
        }
        waiting.sort(Comparator.comparing(DeadLetter::parkedAt).reversed()
                .thenComparing(letter -> letter.id().toString()));
        return waiting;
    }

    /** The dead letter with this id, waiting or resolved. */
    public Optional<DeadLetter> find(String id) {
        return DeadLetterId.parse(id).flatMap(at -> channelOf(at).flatMap(channel ->
                topics.read(at).map(record -> letter(channel, record))));
    }

    /** How an operator resolved it, if one did. */
    public Optional<Resolution> resolutionOf(DeadLetter letter) {
        return Optional.ofNullable(resolutions.of(channelOf(letter.id()).orElseThrow().resolutionsTopic())
                .get(letter.id().toString()));
    }

    /**
     * Sends the dead letter back to its consumer group's replay topic, with its replay count one higher.
     *
     * @throws ProblemException 404 when there is none, 409 when it was resolved or replayed
     *                          {@value #REPLAY_LIMIT} times already and {@code force} is false
     */
    public synchronized DeadLetterViews.Replayed replay(String id, boolean force, String operator) {
        DeadLetter letter = waitingOne(id);
        if (letter.replayCount() >= REPLAY_LIMIT && !force) {
            throw ProblemException.conflict("Dead letter " + id + " was replayed " + letter.replayCount()
                    + " times and failed each time; fix the cause, then replay it with force=true.");
        }
        return send(letter, operator);
    }

    /**
     * Replays every waiting dead letter of this ce_type and/or whose reason contains {@code reason}; those
     * at the replay limit are left waiting unless {@code force}.
     */
    public synchronized BulkReplay replay(String type, String reason, boolean force, String operator) {
        List<String> replayed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (DeadLetter letter : waiting()) {
            if ((type != null && !type.equals(letter.ceType()))
                    || (reason != null && (letter.reason() == null || !letter.reason().contains(reason)))) {
                continue;
            }
            if (letter.replayCount() >= REPLAY_LIMIT && !force) {
                refused.add(letter.id().toString());
                continue;
            }
            send(letter, operator);
            replayed.add(letter.id().toString());
        }
        return new BulkReplay(replayed, refused);
    }

    /** The ids replayed, and those left waiting at the replay limit. */
    public record BulkReplay(List<String> replayed, List<String> refused) {
    }

    /**
     * Keeps the dead letter out of later listings for good. Discarding a discarded one again changes nothing.
     * A flagged dead letter, after which an effect that cannot be undone may exist, is discarded only when
     * the service's {@link DiscardCheck}s find no effect, or when {@code force}d: then with the operator's
     * reason, logged as a warning and counted.
     *
     * @param reason why the operator discards it: kept with the resolution; required with {@code force}
     * @throws ProblemException 404 when there is none, 409 when it was replayed or is flagged and neither
     *                          cleared by a check nor forced
     */
    public synchronized void discard(String id, String operator, boolean force, String reason) {
        DeadLetter letter = find(id).orElseThrow(() -> notFound(id));
        Optional<Resolution> done = resolutionOf(letter);
        if (done.isPresent()) {
            if (done.get().action() == Action.DISCARDED) {
                return;
            }
            throw ProblemException.conflict("Dead letter " + id + " was replayed by " + done.get().by() + " at "
                    + done.get().at() + "; there is nothing to discard.");
        }
        DiscardDecision decision = DiscardDecision.of(letter, checks, force);
        if (decision instanceof DiscardDecision.Refused refused) {
            throw ProblemException.conflict(refused.detail());
        }
        ConsumerChannel channel = channelOf(letter.id()).orElseThrow();
        resolutions.record(channel.resolutionsTopic(), letter.id(), Resolution.now(Action.DISCARDED, operator, reason));
        metrics.discarded(channel.group());
        if (decision instanceof DiscardDecision.Forced forced) {
            metrics.forcedDiscard(channel.group());
            LOG.warnf("%s: dead letter %s (%s %s, key %s) discarded by %s, forced although %s; reason: %s",
                    channel.group(), id, letter.ceType(), letter.ceId(), UntrustedText.of(letter.key()),
                    UntrustedText.of(operator), UntrustedText.of(forced.effect()), UntrustedText.of(reason));
        } else {
            LOG.infof("%s: dead letter %s (%s %s, key %s) discarded by %s%s", channel.group(), id, letter.ceType(),
                    letter.ceId(), UntrustedText.of(letter.key()), UntrustedText.of(operator),
                    decision instanceof DiscardDecision.Checked ? ", its check having found no effect" : "");
        }
        waiting();
    }

    private DeadLetterViews.Replayed send(DeadLetter letter, String operator) {
        ConsumerChannel channel = channelOf(letter.id()).orElseThrow();
        ConsumerRecord<String, byte[]> record = letter.record();
        int count = letter.replayCount() + 1;
        topics.send(new ProducerRecord<>(channel.replayTopic(), record.partition(), record.key(), record.value(),
                ReplayHeaders.forReplay(record.headers(), count)));
        resolutions.record(channel.resolutionsTopic(), letter.id(), Resolution.now(Action.REPLAYED, operator));
        metrics.replayed(channel.group());
        LOG.infof("%s: dead letter %s (%s %s, key %s) replayed to %s by %s, replay %d", channel.group(),
                letter.id(), letter.ceType(), letter.ceId(), UntrustedText.of(letter.key()), channel.replayTopic(),
                UntrustedText.of(operator), count);
        return new DeadLetterViews.Replayed(letter.id().toString(), channel.replayTopic(), count);
    }

    private DeadLetter waitingOne(String id) {
        DeadLetter letter = find(id).orElseThrow(() -> notFound(id));
        resolutionOf(letter).ifPresent(done -> {
            throw ProblemException.conflict("Dead letter " + id + " was " + done.action().name().toLowerCase()
                    + " by " + done.by() + " at " + done.at() + "; it waits no more.");
        });
        return letter;
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No dead letter " + id + " on this service's dead-letter topics.");
    }

    private static DeadLetter letter(ConsumerChannel channel, ConsumerRecord<String, byte[]> record) {
        return new DeadLetter(new DeadLetterId(record.topic(), record.partition(), record.offset()), channel.group(),
                channel.topic(), record);
    }

    private Optional<ConsumerChannel> channelOf(DeadLetterId id) {
        return channels().stream().filter(channel -> channel.deadLetterTopic().equals(id.topic())).findFirst();
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
