package io.comanda.platform.deadletters;

import io.comanda.platform.messaging.ConsumerChannel;
import io.comanda.platform.messaging.ConsumerChannels;
import io.comanda.platform.messaging.KafkaClientSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes every record parked on this service's dead-letter topics into the dead-letter index, whoever
 * parked it: the platform at once ({@code DeadLetters.park}), or SmallRye's failure strategy after the last
 * delayed retry. Reading the topics catches both, and a record is indexed only once Kafka has it.
 *
 * <p>Each consumer group's dead-letter topics are read by a consumer group of their own,
 * {@code <group>.dlq-index} (cooperative, so the instances of a service share the partitions), which commits
 * after the index has the records: a record is indexed at least once, and indexing it again changes nothing.
 * A dead letter is listed as soon as the poll returns it and the upsert commits, well under a second on a
 * healthy stack. A topic that was deleted and created again is read from its beginning: its new topic id is
 * noticed within {@value RecreatedTopics#CHECK_EVERY_MS} ms ({@link RecreatedTopics}); a committed offset
 * beyond a topic's end is reset to its beginning ({@code auto.offset.reset=earliest}).
 */
@ApplicationScoped
public class DeadLetterIndexer {

    static final String GROUP_SUFFIX = ".dlq-index";
    /** How soon a recreated or new dead-letter topic is subscribed again (a metadata refresh). */
    static final String METADATA_MAX_AGE_MS = "30000";

    private final KafkaClientSettings kafka;
    private final DeadLetterIndex index;
    private final Config config;
    private final DeadLetterMetrics metrics;
    private final List<DeadLetterIndexing> running = new ArrayList<>();

    public DeadLetterIndexer(KafkaClientSettings kafka, DeadLetterIndex index, Config config,
                             DeadLetterMetrics metrics) {
        this.metrics = metrics;
        this.kafka = kafka;
        this.index = index;
        this.config = config;
    }

    void start(@Observes StartupEvent start) {
        Map<String, List<ConsumerChannel>> byGroup = ConsumerChannels.of(config).stream()
                .collect(Collectors.groupingBy(ConsumerChannel::group, LinkedHashMap::new, Collectors.toList()));
        byGroup.forEach((group, channels) -> {
            Admin admin = Admin.create(kafka.admin("comanda-dead-letter-index-" + group));
            List<String> deadLetterTopics = channels.stream().map(ConsumerChannel::deadLetterTopic).distinct().toList();
            DeadLetterIndexing indexing = new DeadLetterIndexing(consumer(group), admin, index, channels,
                    () -> LegacyResolutions.read(admin, () -> legacyReader(group), deadLetterTopics));
            running.add(indexing);
            metrics.indexing(group, indexing::lastIndexedMillis);
            Thread thread = new Thread(indexing, "comanda-dead-letter-index-" + group);
            thread.setDaemon(true);
            thread.start();
        });
    }

    private KafkaConsumer<String, byte[]> consumer(String group) {
        Map<String, Object> settings = new LinkedHashMap<>(kafka.consumer("comanda-dead-letter-index-" + group));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group + GROUP_SUFFIX);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        settings.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, METADATA_MAX_AGE_MS);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        // A dead-letter topic is created by ConsumerTopics with its source's partitions; one auto-created by
        // this subscription first would have the broker's default count, and parking on partition n would fail.
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return new KafkaConsumer<>(settings, new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    /** A consumer of no group, reading the resolutions topics earlier versions kept. */
    private KafkaConsumer<String, byte[]> legacyReader(String group) {
        return new KafkaConsumer<>(kafka.consumer("comanda-dead-letter-legacy-resolutions-" + group),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    void stop(@Observes ShutdownEvent stop) {
        running.forEach(DeadLetterIndexing::stop);
    }
}
