package io.comanda.platform.deadletters;

import io.comanda.platform.messaging.ConsumerChannel;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One consumer group's loop of {@link DeadLetterIndexer}: poll its dead-letter topics, upsert what came into
 * the index, commit; and read a recreated topic from its beginning ({@link RecreatedTopics}). When anything
 * fails (the database does not take a batch, Kafka does not answer, even an error), the consumer goes back to
 * the batch's first records and tries again after a pause growing to {@value #MAX_PAUSE_MS} ms: nothing is
 * committed unindexed, and the loop never ends but by {@link #stop}. How long ago it last indexed is a gauge
 * ({@link DeadLetterMetrics#INDEXER_LAST_POLL_AGE}), so a loop that fails or hangs shows.
 */
final class DeadLetterIndexing implements Runnable {

    private static final Logger LOG = Logger.getLogger(DeadLetterIndexing.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final long FIRST_PAUSE_MS = 500;
    private static final long MAX_PAUSE_MS = 30_000;

    private final Consumer<String, byte[]> consumer;
    private final Admin admin;
    private final RecreatedTopics recreated;
    private final DeadLetterIndex index;
    private final Map<String, ConsumerChannel> channelOfTopic;
    private final Callable<LegacyResolutions> legacy;
    private LegacyResolutions earlier = LegacyResolutions.none();
    private final AtomicLong lastIndexedMillis = new AtomicLong(System.currentTimeMillis());
    private volatile boolean stopped;

    DeadLetterIndexing(Consumer<String, byte[]> consumer, Admin admin, DeadLetterIndex index,
                       List<ConsumerChannel> channels, Callable<LegacyResolutions> legacy) {
        this.consumer = consumer;
        this.legacy = legacy;
        this.admin = admin;
        this.index = index;
        this.channelOfTopic = channels.stream()
                .collect(Collectors.toMap(ConsumerChannel::deadLetterTopic, channel -> channel, (a, b) -> a));
        this.recreated = new RecreatedTopics(admin, List.copyOf(channelOfTopic.keySet()));
    }

    @Override
    public void run() {
        try {
            earlier = readLegacyResolutions();
            consumer.subscribe(List.copyOf(channelOfTopic.keySet()), recreated);
            long pause = FIRST_PAUSE_MS;
            while (!stopped) {
                pause = indexOnce(pause);
            }
        } catch (Throwable e) {
            LOG.errorf(e, "Indexing the dead letters of %s cannot start: none are listed until a restart",
                    channelOfTopic.keySet());
        } finally {
            closeQuietly();
        }
    }

    /**
     * Polls, indexes what came and commits; on any failure (an error included: a thread that ends lists no
     * dead letter again) goes back to the batch and pauses before the next try.
     *
     * @return the pause before the next try, after a failure
     */
    private long indexOnce(long pause) {
        checkRecreated();
        ConsumerRecords<String, byte[]> records = ConsumerRecords.empty();
        try {
            records = consumer.poll(POLL);
            if (!records.isEmpty()) {
                List<DeadLetter> letters = letters(records);
                index.parked(letters).await().atMost(Replays.DATABASE_LIMIT);
                index.resolvedEarlier(earlier.of(letters)).await().atMost(Replays.DATABASE_LIMIT);
                consumer.commitSync();
            }
            lastIndexedMillis.set(System.currentTimeMillis());
            return FIRST_PAUSE_MS;
        } catch (Throwable e) {
            if (stopped) {
                return pause;
            }
            LOG.warnf("Cannot index %d dead letters of %s now, trying again in %d ms: %s", records.count(),
                    channelOfTopic.keySet(), pause, e);
            rewind(records);
            pauseFor(pause);
            return Math.min(MAX_PAUSE_MS, pause * 2);
        }
    }

    /**
     * The resolutions earlier versions kept, read before anything is indexed (else those dead letters would be
     * listed as waiting); tried again until read or stopped.
     */
    private LegacyResolutions readLegacyResolutions() {
        long pause = FIRST_PAUSE_MS;
        while (!stopped) {
            try {
                return legacy.call();
            } catch (Throwable e) {
                LOG.warnf("Cannot read the resolutions earlier versions kept for %s, trying again in %d ms; nothing "
                        + "is indexed before: %s", channelOfTopic.keySet(), pause, e);
                pauseFor(pause);
                pause = Math.min(MAX_PAUSE_MS, pause * 2);
            }
        }
        return LegacyResolutions.none();
    }

    private void pauseFor(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            stopped = true;
        }
    }

    private void checkRecreated() {
        try {
            recreated.check(consumer);
        } catch (Throwable e) {
            LOG.debugf("Cannot check whether %s were recreated now: %s", channelOfTopic.keySet(), e.getMessage());
        }
    }

    private List<DeadLetter> letters(ConsumerRecords<String, byte[]> records) {
        List<DeadLetter> letters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            ConsumerChannel channel = channelOfTopic.get(record.topic());
            letters.add(new DeadLetter(null, channel.group(), channel.topic(), record));
        }
        return letters;
    }

    /** Goes back to the first record of each partition still assigned, so the batch is read again. */
    private void rewind(ConsumerRecords<String, byte[]> records) {
        try {
            for (TopicPartition partition : records.partitions()) {
                if (consumer.assignment().contains(partition)) {
                    consumer.seek(partition, records.records(partition).get(0).offset());
                }
            }
        } catch (Throwable e) {
            // The consumer goes on from its last commit after the next rebalance: nothing is skipped unindexed.
            LOG.debugf("Cannot go back to the batch of %s: %s", channelOfTopic.keySet(), e.getMessage());
        }
    }

    /** When this loop last polled its topics and had the index take what came (epoch milliseconds). */
    long lastIndexedMillis() {
        return lastIndexedMillis.get();
    }

    private void closeQuietly() {
        try (consumer; admin) {
            LOG.debugf("Stopped indexing the dead letters of %s", channelOfTopic.keySet());
        } catch (Throwable e) {
            LOG.debugf("Cannot close the dead-letter indexing of %s cleanly: %s", channelOfTopic.keySet(), e.getMessage());
        }
    }

    void stop() {
        stopped = true;
        consumer.wakeup();
    }
}
