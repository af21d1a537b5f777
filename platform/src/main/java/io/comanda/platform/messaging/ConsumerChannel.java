package io.comanda.platform.messaging;

import io.smallrye.reactive.messaging.kafka.fault.KafkaDelayedRetryTopic;
import org.apache.kafka.common.header.Headers;

import java.util.List;
import java.util.stream.Stream;

/**
 * A consumer's {@code @Incoming} channel as the platform needs it: where it reads, its group, and
 * where a record goes that fails.
 *
 * @param name            the channel name of {@code mp.messaging.incoming.<name>}
 * @param topic           the topic it reads
 * @param group           its consumer group, also the consumer's name in logs and metrics
 * @param retryTopics     the delayed-retry topics, in order
 * @param deadLetterTopic where records go that can never be processed
 * @param maxRetries      how many delayed retries a record gets before it is dead-lettered; zero or less
 *                        means one per retry topic, as in SmallRye's delayed-retry strategy
 * @param batch           whether it is consumed in batches ({@code batch=true}): then it has no
 *                        retry topics, and {@link BatchConsumerPolicy} retries in place
 */
public record ConsumerChannel(String name, String topic, String group, List<String> retryTopics,
                       String deadLetterTopic, int maxRetries, boolean batch) {

    static final String INCOMING = "mp.messaging.incoming.";
    static final String TOPIC = "topic";
    static final String TOPICS = "topics";
    static final String GROUP_ID = "group.id";
    static final String FAILURE_STRATEGY = "failure-strategy";
    static final String BATCH = "batch";
    static final String DELAYED_RETRY = "delayed-retry-topic";
    static final String DEAD_LETTER_QUEUE = "dead-letter-queue";
    static final String RETRY_TOPICS = "delayed-retry-topic.topics";
    static final String MAX_RETRIES = "delayed-retry-topic.max-retries";
    static final String DEAD_LETTER_TOPIC = "dead-letter-queue.topic";

    public ConsumerChannel {
        retryTopics = List.copyOf(retryTopics);
    }

    /** A record-by-record channel with SmallRye's default number of retries: one per retry topic. */
    ConsumerChannel(String name, String topic, String group, List<String> retryTopics, String deadLetterTopic) {
        this(name, topic, group, retryTopics, deadLetterTopic, 0, false);
    }

    /** A channel consumed in batches: no retry topics, its policy retries in place, then parks. */
    static ConsumerChannel batch(String name, String topic, String group, String deadLetterTopic) {
        return new ConsumerChannel(name, topic, group, List.of(), deadLetterTopic, 0, true);
    }

    /** This channel with {@code mp.messaging.incoming.<name>.delayed-retry-topic.max-retries}. */
    ConsumerChannel withMaxRetries(int maxRetries) {
        return new ConsumerChannel(name, topic, group, retryTopics, deadLetterTopic, maxRetries, batch);
    }

    /**
     * Whether the failure strategy sends a record with these headers to the dead-letter topic rather
     * than to a retry topic when it is nacked: its {@code delayed-retry-count} header says how many
     * delayed retries it has had, and SmallRye's own rule decides. (A record whose retries would outlast
     * the strategy's timeout is dead-lettered too; that is not foreseen here.)
     */
    boolean nackDeadLetters(Headers headers) {
        int retries = KafkaDelayedRetryTopic.getRetryHeader(headers);
        String next = KafkaDelayedRetryTopic.getNextTopic(retryTopics, deadLetterTopic, maxRetries, retries);
        return deadLetterTopic.equals(next);
    }

    /**
     * Where an operator's replay of this channel's dead letters goes, {@code <topic>.<group>.replay}: the
     * channel reads it besides its topic ({@link ReplaySubscription}), and no other group does, so a
     * replayed record reaches this consumer only.
     */
    public String replayTopic() {
        return replayTopicOf(topic, group);
    }

    static String replayTopicOf(String topic, String group) {
        return topic + "." + group + ".replay";
    }

    /** Every topic a failed record of this channel may be sent to. */
    public List<String> failureTopics() {
        return Stream.concat(retryTopics.stream(), Stream.of(deadLetterTopic)).toList();
    }

    /** The full name of a channel attribute, e.g. {@code mp.messaging.incoming.orders.topic}. */
    static String key(String channel, String attribute) {
        return INCOMING + channel + "." + attribute;
    }

    /** Where a service sets its retry delays, in milliseconds, when they differ from the platform's. */
    static String retryDelaysKey(String channel) {
        return "comanda.consumer." + channel + ".retry-delays";
    }

    /** Where the platform names a channel's replay topic, which {@link ReplaySubscription} adds to its topics. */
    static String replayTopicKey(String channel) {
        return "comanda.consumer." + channel + ".replay-topic";
    }

    /**
     * Where a service takes a channel out of the platform's hands ({@code false}): no derived keys, no
     * check, no retry or dead-letter topics. For a channel that is not a consumer in the platform's sense,
     * e.g. one that only forwards records to open sessions and has nothing to retry.
     */
    static String managedKey(String channel) {
        return "comanda.consumer." + channel + ".managed";
    }

    /** Whether a channel's {@link #managedKey} value leaves it to the platform: anything but {@code false}. */
    static boolean isManaged(String managedValue) {
        return managedValue == null || !"false".equalsIgnoreCase(managedValue.strip());
    }
}
