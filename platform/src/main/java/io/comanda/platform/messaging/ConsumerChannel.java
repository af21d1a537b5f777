package io.comanda.platform.messaging;

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
 */
record ConsumerChannel(String name, String topic, String group, List<String> retryTopics,
                              String deadLetterTopic) {

    static final String INCOMING = "mp.messaging.incoming.";
    static final String TOPIC = "topic";
    static final String GROUP_ID = "group.id";
    static final String FAILURE_STRATEGY = "failure-strategy";
    static final String DELAYED_RETRY = "delayed-retry-topic";
    static final String RETRY_TOPICS = "delayed-retry-topic.topics";
    static final String DEAD_LETTER_TOPIC = "dead-letter-queue.topic";

    public ConsumerChannel {
        retryTopics = List.copyOf(retryTopics);
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
