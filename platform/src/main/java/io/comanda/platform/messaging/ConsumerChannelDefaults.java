package io.comanda.platform.messaging;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration every Comanda consumer channel shares, written once: for each
 * {@code mp.messaging.incoming.<channel>} that names its {@code topic} and {@code group.id}, the
 * Kafka connector, the deserializers {@link ConsumerPolicy} expects, reading from the earliest offset
 * when the group has none, cooperative rebalancing, and the failure strategy of every consumer: retries on
 * {@code <topic>.<group>.retry_<ms>} topics, then {@code <topic>.<group>.dlq}, both written with
 * {@code acks=all} and idempotence.
 *
 * <p>Registered through {@code META-INF/services}, below {@code application.properties}: a service
 * overrides any of these keys by setting it, and its retry delays with
 * {@code comanda.consumer.<channel>.retry-delays} (milliseconds, default {@value #RETRY_DELAYS}).
 * {@link ConsumerChannels} checks at start that every consumer channel has what the platform needs.
 *
 * <p>A channel consumed in batches ({@code batch=true}) keeps every default but one: it sets
 * {@code failure-strategy=dead-letter-queue} itself, because SmallRye never reads delayed-retry topics
 * back into a batch channel; its {@link BatchConsumerPolicy} retries in place and parks on the same
 * {@code <topic>.<group>.dlq}. The retry keys derived for it are then unused, and no retry topic is
 * created for it.
 *
 * <p>A channel with {@code comanda.consumer.<channel>.managed=false} gets nothing from here: the
 * service configures it whole (connector, deserializers, failure strategy), and the platform neither
 * checks it nor creates topics for it. That is for a channel no record must be retried or parked from,
 * such as one consumer group per instance that only forwards records: derived retry and dead-letter
 * topics would be per instance too, and left behind by every instance that ever ran.
 */
public class ConsumerChannelDefaults implements ConfigSourceFactory {

    /** Above {@code microprofile-config.properties} (100), below {@code application.properties} (250). */
    static final int ORDINAL = 200;
    // Delays growing to a cap of 30 s, the last repeated: 1 + 5 + 15 s, then 59 times 30 s, about the 30
    // minutes a batch channel retries in place (comanda.consumer.retry-budget) before the dead letter.
    // The timeout, from the first failure, is a little longer, so that max-retries decides.
    static final String RETRY_DELAYS = "1000,5000,15000,30000";
    static final String MAX_RETRIES = "62";
    static final String RETRY_TIMEOUT_MS = "1860000";
    static final String COMMIT_STRATEGY = "throttled";
    // Throttled commits mark a channel unhealthy for good once a record waits unacknowledged longer than
    // this (SmallRye's default 60 s), and 0 turns that check off. A batch consumer holds its records while
    // it retries in place (up to the retry budget) or pauses on a dependency that refused us (until an
    // operator mends it), and 500 records behind a 25 s call wait far longer than 60 s: any finite age
    // would kill a consumer that is doing what it should. The records held stay bounded (max.poll.records,
    // the connector pauses fetching when its queue is full); a stuck consumer shows instead as lag, as the
    // retry and dead-letter metrics, and as readiness DOWN while paused.
    static final String UNPROCESSED_RECORD_MAX_AGE_MS = "0";
    // A consumer killed without leaving its group (a crash, SIGKILL, a lost node) holds its partitions until
    // the broker gives up on its heartbeats: Kafka's 45 s default stalled every order of those partitions
    // for 45 s after a kill, in the fault suite. 10 s (heartbeats every 3 s) bounds that, and is far above
    // the pauses of a service's small fixed heap. Slow processing is bounded apart, by max.poll.interval.ms.
    static final String SESSION_TIMEOUT_MS = "10000";
    static final String HEARTBEAT_INTERVAL_MS = "3000";
    // A rebalance moves only the partitions that change owner: the others are not revoked, so their
    // records in flight are neither stopped nor redelivered to another member. SmallRye's throttled commit
    // commits and forgets just the partitions revoked, which is what a cooperative revocation hands it.
    // Members of a group still on Kafka's default (range, then cooperative-sticky) agree on this one, so
    // a rolling restart switches a group over.
    static final String ASSIGNMENT_STRATEGY = "org.apache.kafka.clients.consumer.CooperativeStickyAssignor";
    // SmallRye writes delayed retries and dead letters with a producer of its own, configured from the
    // channel's dead-letter-queue.* keys, and its default is acks=1 (without idempotence): a leader lost
    // after the retry or dead letter was acknowledged, but before a replica had it, loses the record
    // after the original was committed. All in-sync replicas, written once, as the platform's producers.
    static final String FAILURE_PRODUCER_ACKS = "all";
    // SmallRye's graceful close pauses a channel, sleeps two poll timeouts and waits up to 5 s for its
    // records in flight, one channel after another, and only after Quarkus has closed the database pool:
    // a service's stop took 20 s, its last records failing on the closed pool. ConsumerShutdown drains the
    // records in flight before the pool closes and takes no new one, so the close only commits and leaves.
    static final String GRACEFUL_SHUTDOWN = "false";

    // A channel's topic or group: mp.messaging.incoming.<channel>.topic, optionally under a %profile.
    private static final Pattern CHANNEL_KEY = Pattern.compile(
            "(?:%[^.]+\\.)?" + Pattern.quote(ConsumerChannel.INCOMING) + "(\"[^\"]+\"|[^.\"]+)\\.(?:topic|group\\.id)");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> defaults = new TreeMap<>();
        for (String channel : channelNames(context)) {
            if (!ConsumerChannel.isManaged(value(context, ConsumerChannel.managedKey(channel)))) {
                continue;
            }
            String topic = value(context, ConsumerChannel.key(channel, ConsumerChannel.TOPIC));
            String group = value(context, ConsumerChannel.key(channel, ConsumerChannel.GROUP_ID));
            if (topic != null && group != null) {
                String delays = value(context, ConsumerChannel.retryDelaysKey(channel));
                defaults.putAll(defaultsOf(channel, topic, group, delays == null ? RETRY_DELAYS : delays));
                defaults.putAll(replayDefaultsOf(channel, topic, group));
            }
        }
        return List.of(new PropertiesConfigSource(defaults, "Comanda consumer channel defaults", ORDINAL));
    }

    static Map<String, String> defaultsOf(String channel, String topic, String group, String retryDelays) {
        String failureTopic = topic + "." + group;
        List<String> retryTopics = new ArrayList<>();
        for (String delay : retryDelays.split("\\s*,\\s*")) {
            retryTopics.add(failureTopic + ".retry_" + Long.parseLong(delay.strip()));
        }
        Map<String, String> defaults = new TreeMap<>();
        defaults.put(ConsumerChannel.key(channel, "connector"), "smallrye-kafka");
        defaults.put(ConsumerChannel.key(channel, "key.deserializer"),
                "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put(ConsumerChannel.key(channel, "value.deserializer"),
                "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        defaults.put(ConsumerChannel.key(channel, "auto.offset.reset"), "earliest");
        // The platform reads the ce_* headers itself, so that a malformed one is dead-lettered like
        // any unreadable record instead of failing the connector before the record reaches a consumer.
        defaults.put(ConsumerChannel.key(channel, "cloud-events"), "false");
        defaults.put(ConsumerChannel.key(channel, "session.timeout.ms"), SESSION_TIMEOUT_MS);
        defaults.put(ConsumerChannel.key(channel, "heartbeat.interval.ms"), HEARTBEAT_INTERVAL_MS);
        defaults.put(ConsumerChannel.key(channel, "partition.assignment.strategy"), ASSIGNMENT_STRATEGY);
        defaults.put(ConsumerChannel.key(channel, "commit-strategy"), COMMIT_STRATEGY);
        defaults.put(ConsumerChannel.key(channel, "graceful-shutdown"), GRACEFUL_SHUTDOWN);
        defaults.put(ConsumerChannel.key(channel, "throttled.unprocessed-record-max-age.ms"), UNPROCESSED_RECORD_MAX_AGE_MS);
        defaults.put(ConsumerChannel.key(channel, ConsumerChannel.FAILURE_STRATEGY), ConsumerChannel.DELAYED_RETRY);
        defaults.put(ConsumerChannel.key(channel, ConsumerChannel.RETRY_TOPICS), String.join(",", retryTopics));
        defaults.put(ConsumerChannel.key(channel, "delayed-retry-topic.max-retries"), MAX_RETRIES);
        defaults.put(ConsumerChannel.key(channel, "delayed-retry-topic.timeout"), RETRY_TIMEOUT_MS);
        defaults.put(ConsumerChannel.key(channel, ConsumerChannel.DEAD_LETTER_TOPIC), failureTopic + ".dlq");
        defaults.put(ConsumerChannel.key(channel, "dead-letter-queue.key.serializer"),
                "org.apache.kafka.common.serialization.StringSerializer");
        defaults.put(ConsumerChannel.key(channel, "dead-letter-queue.value.serializer"),
                "org.apache.kafka.common.serialization.ByteArraySerializer");
        // Read by both the dead-letter and the delayed-retry strategies' producer.
        defaults.put(ConsumerChannel.key(channel, "dead-letter-queue.acks"), FAILURE_PRODUCER_ACKS);
        defaults.put(ConsumerChannel.key(channel, "dead-letter-queue.enable.idempotence"), "true");
        return defaults;
    }

    /**
     * The channel's replay topic, {@code <topic>.<group>.replay}: naming it here is what makes
     * {@link ReplaySubscription} subscribe the channel to it besides its topic.
     */
    static Map<String, String> replayDefaultsOf(String channel, String topic, String group) {
        return Map.of(ConsumerChannel.replayTopicKey(channel), ConsumerChannel.replayTopicOf(topic, group));
    }

    private static Set<String> channelNames(ConfigSourceContext context) {
        Set<String> channels = new TreeSet<>();
        for (Iterator<String> names = context.iterateNames(); names.hasNext(); ) {
            Matcher key = CHANNEL_KEY.matcher(names.next());
            if (key.matches()) {
                channels.add(key.group(1));
            }
        }
        return channels;
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue().strip();
    }
}
