package io.comanda.platform.deadletters;

import io.comanda.platform.messaging.ConsumerChannel;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One consumer group's loop of {@link DeadLetterIndexer}: poll its dead-letter topics, upsert what came into
 * the index, commit; and read a recreated topic from its beginning ({@link RecreatedTopics}). When the database does not take a batch, the consumer goes back to the batch's first
 * records and tries again after a pause growing to {@value #MAX_PAUSE_MS} ms: nothing is committed unindexed.
 */
final class DeadLetterIndexing implements Runnable {

    private static final Logger LOG = Logger.getLogger(DeadLetterIndexing.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final long FIRST_PAUSE_MS = 500;
    private static final long MAX_PAUSE_MS = 30_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final Admin admin;
    private final RecreatedTopics recreated;
    private final DeadLetterIndex index;
    private final Map<String, ConsumerChannel> channelOfTopic;
    private volatile boolean stopped;

    DeadLetterIndexing(KafkaConsumer<String, byte[]> consumer, Admin admin, DeadLetterIndex index,
                       List<ConsumerChannel> channels) {
        this.consumer = consumer;
        this.admin = admin;
        this.index = index;
        this.channelOfTopic = channels.stream()
                .collect(Collectors.toMap(ConsumerChannel::deadLetterTopic, channel -> channel, (a, b) -> a));
        this.recreated = new RecreatedTopics(admin, List.copyOf(channelOfTopic.keySet()));
    }

    @Override
    public void run() {
        long pause = FIRST_PAUSE_MS;
        try (consumer; admin) {
            consumer.subscribe(List.copyOf(channelOfTopic.keySet()), recreated);
            while (!stopped) {
                checkRecreated();
                ConsumerRecords<String, byte[]> records = ConsumerRecords.empty();
                try {
                    records = consumer.poll(POLL);
                    if (!records.isEmpty()) {
                        index.parked(letters(records)).await().atMost(Replays.DATABASE_LIMIT);
                        consumer.commitSync();
                    }
                    pause = FIRST_PAUSE_MS;
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (stopped) {
                        break;
                    }
                    LOG.warnf("Cannot index %d dead letters of %s now, trying again in %d ms: %s", records.count(),
                            channelOfTopic.keySet(), pause, e.getMessage());
                    rewind(records);
                    Thread.sleep(pause);
                    pause = Math.min(MAX_PAUSE_MS, pause * 2);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // Stopping.
        }
    }

    private void checkRecreated() {
        try {
            recreated.check(consumer);
        } catch (RuntimeException e) {
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
        for (TopicPartition partition : records.partitions()) {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    void stop() {
        stopped = true;
        consumer.wakeup();
    }
}
