package io.comanda.platform.messaging;

import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's consumer channels, read from its configuration and checked: the channel and
 * dead-letter keys are a contract between the configuration and {@link ConsumerPolicy}, so a channel
 * that lacks one fails the start with the key's name, not the first poison record. A channel the
 * service took out of the platform's hands ({@code comanda.consumer.<channel>.managed=false}) is none
 * of these.
 *
 * <p>The failure strategy is {@code delayed-retry-topic}, except on a channel consumed in batches
 * ({@code batch=true}), which states {@code failure-strategy=dead-letter-queue} itself: SmallRye never
 * merges delayed-retry topics into a batch channel, so there {@link BatchConsumerPolicy} retries in
 * place and parks on the dead-letter topic. Each strategy on the other kind of channel fails the start.
 */
public final class ConsumerChannels {

    // Any attribute of an incoming channel, optionally under a %profile: the channel is what follows the prefix.
    private static final Pattern INCOMING_KEY = Pattern.compile(
            "(?:%[^.]+\\.)?" + Pattern.quote(ConsumerChannel.INCOMING) + "(\"[^\"]+\"|[^.\"]+)\\..+");

    private ConsumerChannels() {
    }

    /**
     * @return the channels the platform manages
     * @throws IllegalStateException naming the first missing or contradicting key
     */
    public static List<ConsumerChannel> of(Config config) {
        List<ConsumerChannel> channels = new ArrayList<>();
        for (String name : channelNames(config)) {
            if (isManaged(config, name)) {
                channels.add(of(config, name));
            }
        }
        return channels;
    }

    /**
     * @throws IllegalStateException naming the first missing or contradicting key
     */
    static ConsumerChannel of(Config config, String channel) {
        if (!isManaged(config, channel)) {
            throw new IllegalStateException("consumer channel '" + channel + "' has "
                    + ConsumerChannel.managedKey(channel) + "=false: it has no retry or dead-letter topics, "
                    + "so ConsumerPolicy cannot consume from it");
        }
        String topic = sourceTopic(config, channel);
        String group = required(config, channel, ConsumerChannel.GROUP_ID);
        boolean batch = config.getOptionalValue(ConsumerChannel.key(channel, ConsumerChannel.BATCH), Boolean.class)
                .orElse(false);
        String strategy = required(config, channel, ConsumerChannel.FAILURE_STRATEGY);
        String deadLetterTopic = required(config, channel, ConsumerChannel.DEAD_LETTER_TOPIC);
        if (batch) {
            requireStrategy(channel, strategy, ConsumerChannel.DEAD_LETTER_QUEUE, "a batch channel never reads its "
                    + "delayed-retry topics back, so BatchConsumerPolicy retries in place: set it to "
                    + ConsumerChannel.DEAD_LETTER_QUEUE);
            return ConsumerChannel.batch(channel, topic, group, deadLetterTopic);
        }
        requireStrategy(channel, strategy, ConsumerChannel.DELAYED_RETRY,
                "a Comanda consumer retries without blocking its partition: remove the key to get "
                        + ConsumerChannel.DELAYED_RETRY);
        List<String> retryTopics = List.of(required(config, channel, ConsumerChannel.RETRY_TOPICS).split("\\s*,\\s*"));
        return new ConsumerChannel(channel, topic, group, retryTopics, deadLetterTopic);
    }

    /**
     * The channel's {@code topic}; once {@link ReplaySubscription} has turned it into {@code topics} (the
     * topic, then its replay topic), the first of those.
     */
    private static String sourceTopic(Config config, String channel) {
        return config.getOptionalValue(ConsumerChannel.key(channel, ConsumerChannel.TOPICS), String.class)
                .filter(value -> !value.isBlank()).map(topics -> topics.split(",")[0].strip())
                .orElseGet(() -> required(config, channel, ConsumerChannel.TOPIC));
    }

    private static void requireStrategy(String channel, String strategy, String expected, String why) {
        if (!expected.equals(strategy)) {
            throw new IllegalStateException(ConsumerChannel.key(channel, ConsumerChannel.FAILURE_STRATEGY) + " is '"
                    + strategy + "'; " + why);
        }
    }

    private static boolean isManaged(Config config, String channel) {
        return ConsumerChannel.isManaged(config.getOptionalValue(ConsumerChannel.managedKey(channel), String.class)
                .orElse(null));
    }

    private static String required(Config config, String channel, String attribute) {
        String key = ConsumerChannel.key(channel, attribute);
        return config.getOptionalValue(key, String.class).filter(value -> !value.isBlank()).map(String::strip)
                .orElseThrow(() -> new IllegalStateException("consumer channel '" + channel + "' has no " + key
                        + ": a Comanda consumer channel names its " + ConsumerChannel.TOPIC + " and "
                        + ConsumerChannel.GROUP_ID + ", and the platform derives the rest from them"));
    }

    private static Set<String> channelNames(Config config) {
        Set<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            Matcher key = INCOMING_KEY.matcher(property);
            if (key.matches()) {
                names.add(key.group(1));
            }
        }
        return names;
    }
}
