package io.comanda.platform.messaging;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a managed consumer channel read its replay topic besides its topic: for a channel that names a
 * {@code topic} and has a replay topic ({@link ConsumerChannelDefaults}), it answers
 * {@code topics=<topic>,<replay topic>} and no {@code topic}.
 *
 * <p>Why an interceptor: SmallRye's Kafka connector refuses a channel with both {@code topic} and
 * {@code topics} ({@code KafkaSource.getTopics}), and a default below {@code application.properties} can
 * add a key but never take the service's {@code topic} away. The delayed-retry strategy subscribes its
 * retry topics with a consumer of its own, whatever {@code topics} holds. A channel that states
 * {@code topics} itself, or is not managed, is left as it is.
 */
public class ReplaySubscription implements ConfigSourceInterceptor {

    private static final Pattern TOPIC_KEY = Pattern.compile(
            Pattern.quote(ConsumerChannel.INCOMING) + "(\"[^\"]+\"|[^.\"]+)\\.(topics?)");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        Matcher key = TOPIC_KEY.matcher(name);
        if (!key.matches()) {
            return context.proceed(name);
        }
        String channel = key.group(1);
        ConfigValue replayTopic = context.proceed(ConsumerChannel.replayTopicKey(channel));
        ConfigValue topics = context.proceed(ConsumerChannel.key(channel, ConsumerChannel.TOPICS));
        ConfigValue topic = context.proceed(ConsumerChannel.key(channel, ConsumerChannel.TOPIC));
        if (isBlank(replayTopic) || !isBlank(topics) || isBlank(topic)) {
            return context.proceed(name);
        }
        if (ConsumerChannel.TOPIC.equals(key.group(2))) {
            return null;
        }
        return topic.withName(name).withValue(topic.getValue().strip() + "," + replayTopic.getValue().strip());
    }

    private static boolean isBlank(ConfigValue value) {
        return value == null || value.getValue() == null || value.getValue().isBlank();
    }
}
