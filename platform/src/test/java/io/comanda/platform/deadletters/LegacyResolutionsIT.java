package io.comanda.platform.deadletters;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.events.CloudEventHeaders;
import io.comanda.platform.messaging.ConsumerChannel;
import io.comanda.platform.messaging.DeadLetters;
import io.comanda.platform.messaging.KafkaClientSettings;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Upgrading from the version that kept operators' replays and discards on {@code <dead-letter topic>.resolutions}:
 * the first indexing of the dead-letter topic does not bring those dead letters back as waiting.
 */
@QuarkusTest
class LegacyResolutionsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    KafkaClientSettings kafka;

    @Inject
    DeadLetterIndex index;

    @Inject
    Pool pool;

    @Test
    void deadLettersAnEarlierVersionResolvedAreIndexedResolvedAndTheOthersWait() throws Exception {
        String source = "comanda.legacy-" + UUID.randomUUID();
        String group = "legacy-probe-" + UUID.randomUUID();
        String deadLetterTopic = source + "." + group + ".dlq";
        try (Admin admin = Admin.create(kafka.admin("legacy-resolutions-it"))) {
            admin.createTopics(List.of(new NewTopic(deadLetterTopic, 1, (short) -1),
                    new NewTopic(deadLetterTopic + LegacyResolutions.SUFFIX, 1, (short) -1))).all().get();
        }
        UUID discarded = UUID.randomUUID();
        UUID replayed = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        try (EventProducer producer = new EventProducer(bootstrap())) {
            for (UUID ceId : List.of(discarded, replayed, waiting)) {   // offsets 0, 1 and 2
                producer.sendRaw(deadLetterTopic, "order-" + ceId, EventProducer.headers(CloudEventHeaders.ID,
                        ceId.toString(), DeadLetters.REASON, "parked before the upgrade"), "{}".getBytes(StandardCharsets.UTF_8));
            }
            resolve(producer, deadLetterTopic, 0, "DISCARDED");
            resolve(producer, deadLetterTopic, 1, "REPLAYED");
        }

        Admin admin = Admin.create(kafka.admin("legacy-resolutions-it-index"));
        ConsumerChannel channel = new ConsumerChannel("legacy", source, group, List.of(), deadLetterTopic, 0, false);
        DeadLetterIndexing indexing = new DeadLetterIndexing(consumer(group), admin, index, List.of(channel),
                () -> LegacyResolutions.read(admin, this::reader, List.of(deadLetterTopic)));
        Thread loop = new Thread(indexing);
        loop.start();
        try {
            await().atMost(PATIENCE).until(() -> statusOf(discarded).equals(Optional.of("discarded"))
                    && statusOf(replayed).equals(Optional.of("replayed")));
            assertThat(statusOf(waiting)).contains("waiting");
            assertThat(resolvedBy(discarded)).contains("ops-before-the-upgrade");
        } finally {
            indexing.stop();
            loop.join(10_000);
        }
    }

    private static void resolve(EventProducer producer, String deadLetterTopic, long offset, String action) {
        String resolution = "{\"action\":\"" + action + "\",\"by\":\"ops-before-the-upgrade\",\"at\":\""
                + Instant.now() + "\",\"reason\":null}";
        producer.sendRaw(deadLetterTopic + LegacyResolutions.SUFFIX, deadLetterTopic + "-0-" + offset,
                EventProducer.headers(), resolution.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaConsumer<String, byte[]> consumer(String group) {
        Map<String, Object> settings = new HashMap<>(kafka.consumer("legacy-resolutions-it-" + group));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group + DeadLetterIndexer.GROUP_SUFFIX);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaConsumer<String, byte[]> reader() {
        return new KafkaConsumer<>(kafka.consumer("legacy-resolutions-it-reader"), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private Optional<String> statusOf(UUID ceId) {
        return column("status", ceId);
    }

    private Optional<String> resolvedBy(UUID ceId) {
        return column("resolved_by", ceId);
    }

    private Optional<String> column(String column, UUID ceId) {
        var rows = pool.preparedQuery("select " + column + " from dead_letter where ce_id = $1")
                .execute(Tuple.of(ceId.toString())).await().atMost(Duration.ofSeconds(10));
        var found = rows.iterator();
        return found.hasNext() ? Optional.ofNullable(found.next().getString(0)) : Optional.empty();
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
