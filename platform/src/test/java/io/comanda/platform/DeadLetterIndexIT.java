package io.comanda.platform;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventJson;
import io.comanda.events.EventType;
import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import io.comanda.events.Topic;
import io.comanda.platform.deadletters.DeadLetterIndex;
import io.comanda.platform.deadletters.DeadLetterOperations;
import io.comanda.platform.deadletters.DeadLetterViews;
import io.comanda.platform.deadletters.IndexedDeadLetter;
import io.comanda.platform.deadletters.Resolution;
import io.comanda.platform.deadletters.WaitingDeadLettersCount;
import io.comanda.platform.messaging.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The dead-letter index on a real broker and database: what lands on the probe consumer's dead-letter topic is
 * listed, stays listed and replayable when the topic's records are gone, is listed again from a recreated topic,
 * pages with exact counts and gauge, is replayed once by concurrent bulk replays, and leaves the list when settled.
 */
@QuarkusTest
class DeadLetterIndexIT {

    private static final String DEAD_LETTER_TOPIC = Topic.ORDERS.topicName() + "." + ProbeConsumer.GROUP + ".dlq";
    private static final String REPLAY_TOPIC = Topic.ORDERS.topicName() + "." + ProbeConsumer.GROUP + ".replay";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    DeadLetterOperations operations;

    @Inject
    DeadLetterIndex index;

    @Inject
    Pool pool;

    @Inject
    WaitingDeadLettersCount waitingCount;

    @Inject
    MeterRegistry metrics;

    @Test
    void aDeadLetterWhoseTopicRecordsAreDeletedIsStillListedAndReplayable() throws Exception {
        OrderPlaced order = order();
        UUID ceId = UUID.randomUUID();
        park(order, ceId, "the probe's downstream was down");
        String id = awaitWaiting(ceId);

        deleteEveryRecordOf(DEAD_LETTER_TOPIC);

        assertThat(operations.find(id)).get().extracting(IndexedDeadLetter::status)
                .isEqualTo(IndexedDeadLetter.Status.WAITING);
        assertThat(operations.waiting(0, 100).items()).extracting(DeadLetterViews.Summary::id).contains(id);
        DeadLetterViews.Replayed replayed = operations.replay(id, false, "ops");
        assertThat(replayed.replayedTo()).isEqualTo(REPLAY_TOPIC);
        try (TopicReader reader = TopicReader.fromBeginning(bootstrap(), REPLAY_TOPIC)) {
            ConsumerRecord<String, String> replay = reader.awaitKey(order.aggregateId(), PATIENCE);
            assertThat(TopicReader.header(replay, CloudEventHeaders.ID)).isEqualTo(ceId.toString());
            assertThat(TopicReader.header(replay, DeadLetters.REASON)).isNull();
        }
        assertThat(operations.find(id).orElseThrow().resolution()).get().extracting(Resolution::action)
                .isEqualTo(Resolution.Action.REPLAYED);
    }

    @Test
    void theNewDeadLettersOfARecreatedDeadLetterTopicAreListed() throws Exception {
        UUID before = UUID.randomUUID();
        park(order(), before, "parked before the topic was recreated");
        awaitWaiting(before);

        recreate(DEAD_LETTER_TOPIC);
        UUID after = UUID.randomUUID();
        park(order(), after, "parked after the topic was recreated");

        awaitWaiting(after);
        assertThat(statusOf(before)).isEqualTo("waiting");
    }

    @Test
    void aReplayedDeadLetterThatFailsAgainAtTheSamePlaceOfARecreatedTopicWaitsAgain() throws Exception {
        recreate(DEAD_LETTER_TOPIC);
        OrderPlaced order = order();
        UUID ceId = UUID.randomUUID();
        park(order, ceId, "failed before the replay");
        String id = awaitWaiting(ceId);
        operations.replay(id, false, "ops");
        assertThat(statusOf(ceId)).isEqualTo("replayed");

        recreate(DEAD_LETTER_TOPIC);
        park(order, ceId, "failed again after the replay");

        awaitWaiting(ceId);
        assertThat(operations.find(id).orElseThrow().replayCount()).isEqualTo(1);
    }

    @Test
    void aDeadLetterParkedAgainAfterItWasDiscardedWaitsAgain() {
        OrderPlaced order = order();
        UUID ceId = UUID.randomUUID();
        park(order, ceId, "failed before the discard");
        String id = awaitWaiting(ceId);
        operations.discard(id, "ops", true, "the order was cancelled by hand");
        assertThat(statusOf(ceId)).isEqualTo("discarded");

        park(order, ceId, "failed again after the discard");

        awaitWaiting(ceId);
        assertThat(operations.find(id).orElseThrow().resolution()).isEmpty();
    }

    @Test
    void aPageOfFiftyOutOfManyAndTheExactCountOfAll() {
        String batch = "page-" + UUID.randomUUID();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            OrderPlaced order = order();
            keys.add(order.aggregateId());
            park(order, UUID.randomUUID(), batch);
        }
        await().atMost(PATIENCE).until(() -> waitingWithReason(batch) == 120);

        // Other tests park and resolve dead letters meanwhile: only this batch's keys are counted.
        DeadLetterViews.Page first = operations.waiting(0, 50);
        assertThat(first.items()).hasSize(50);
        assertThat(first.items()).extracting(DeadLetterViews.Summary::firstFailure)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(first.total()).isGreaterThanOrEqualTo(120);
        List<String> seen = new ArrayList<>();
        for (int page = 0; page * 50L < first.total() + 50; page++) {
            operations.waiting(page, 50).items().stream().map(DeadLetterViews.Summary::key).filter(keys::contains)
                    .forEach(seen::add);
        }
        assertThat(seen).hasSize(120).doesNotHaveDuplicates();
    }

    @Test
    void twoConcurrentBulkReplaysSendEachDeadLetterOnce() throws Exception {
        String batch = "bulk-" + UUID.randomUUID();
        Set<String> ceIds = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            UUID ceId = UUID.randomUUID();
            ceIds.add(ceId.toString());
            park(order(), ceId, batch);
        }
        await().atMost(PATIENCE).until(() -> waitingWithReason(batch) == 40);

        CompletableFuture<DeadLetterOperations.BulkReplay> one =
                CompletableFuture.supplyAsync(() -> operations.replay(null, batch, false, "ops-one"));
        CompletableFuture<DeadLetterOperations.BulkReplay> other =
                CompletableFuture.supplyAsync(() -> operations.replay(EventType.ORDER_PLACED_V1.ceType(), batch, false,
                        "ops-other"));
        // Each counts what waits when it is asked: together they took on every one, maybe some twice.
        assertThat(one.get().matched() + other.get().matched()).isBetween(40L, 80L);

        await().atMost(PATIENCE).until(() -> countWithReason(batch, "replayed") == 40);
        try (TopicReader reader = TopicReader.fromBeginning(bootstrap(), REPLAY_TOPIC)) {
            List<ConsumerRecord<String, String>> replays = reader.readFor(Duration.ofSeconds(5)).stream()
                    .filter(record -> ceIds.contains(TopicReader.header(record, CloudEventHeaders.ID))).toList();
            Map<String, Long> sendsPerEvent = replays.stream().collect(Collectors.groupingBy(
                    record -> TopicReader.header(record, CloudEventHeaders.ID), Collectors.counting()));
            assertThat(sendsPerEvent).hasSize(40);
            assertThat(sendsPerEvent.values()).containsOnly(1L);
        }
    }

    @Test
    void aBulkReplayLeavesADeadLetterOfAChannelNoLongerConfiguredWaitingAndReplaysTheOthers() {
        String batch = "unconfigured-" + UUID.randomUUID();
        pool.preparedQuery("""
                insert into dead_letter (consumer_group, identity, origin_topic, reason, first_failure, parked_at,
                                         record_headers, dlq_topic, dlq_partition, dlq_offset)
                values ('a-removed-group', $1, 'comanda.removed', $2, now(), now(), decode('', 'hex'),
                        'comanda.removed.a-removed-group.dlq', 0, 0)""")
                .execute(Tuple.of(UUID.randomUUID().toString(), batch)).await().atMost(Duration.ofSeconds(10));
        park(order(), UUID.randomUUID(), batch);
        await().atMost(PATIENCE).until(() -> waitingWithReason(batch) == 2);

        assertThat(operations.replay(null, batch, false, "ops").matched()).isEqualTo(1);

        await().atMost(PATIENCE).until(() -> countWithReason(batch, "replayed") == 1);
        assertThat(waitingWithReason(batch)).isEqualTo(1);
        assertThat(countWithReason(batch, "replaying")).isZero();
    }

    @Test
    void settlingAKeyTakesItsWaitingDeadLettersOffTheList() {
        OrderPlaced order = order();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        park(order, first, "no order to settle");
        park(order, second, "no order to settle");
        String id = awaitWaiting(first);
        awaitWaiting(second);

        int settled = index.settleWaiting(order.aggregateId(), "reconciliation confirmed the order")
                .await().atMost(Duration.ofSeconds(30));

        assertThat(settled).isEqualTo(2);
        assertThat(statusOf(first)).isEqualTo("settled");
        assertThat(statusOf(second)).isEqualTo("settled");
        assertThat(operations.waiting(0, 100).items()).extracting(DeadLetterViews.Summary::key)
                .doesNotContain(order.aggregateId());
        assertThat(operations.find(id).orElseThrow().resolution()).get()
                .extracting(Resolution::action, Resolution::reason)
                .containsExactly(Resolution.Action.SETTLED, "reconciliation confirmed the order");
    }

    @Test
    void theWaitingGaugeIsTheExactCountOfTheIndex() {
        String batch = "gauge-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            park(order(), UUID.randomUUID(), batch);
        }
        await().atMost(PATIENCE).until(() -> waitingWithReason(batch) == 3);

        // Other tests park dead letters meanwhile: a count and the gauge set from it are equal once no parking
        // falls between them.
        await().atMost(PATIENCE).untilAsserted(() -> {
            waitingCount.count().await().atMost(Duration.ofSeconds(30));
            double gauge = metrics.find("comanda.dead_letters.waiting").tag("group", ProbeConsumer.GROUP).gauge()
                    .value();
            long waiting = row("select count(*) as n from dead_letter where consumer_group = $1 and status = 'waiting'",
                    Tuple.of(ProbeConsumer.GROUP), found -> found.getLong("n")).orElseThrow();
            assertThat(gauge).isEqualTo(waiting).isGreaterThanOrEqualTo(3);
            double oldestAge = metrics.find("comanda.dead_letters.oldest_waiting_age_seconds")
                    .tag("group", ProbeConsumer.GROUP).gauge().value();
            double oldestInIndex = row("select extract(epoch from now() - min(parked_at))::float8 as age from dead_letter"
                    + " where consumer_group = $1 and status = 'waiting'", Tuple.of(ProbeConsumer.GROUP),
                    found -> found.getDouble("age")).orElseThrow();
            assertThat(oldestAge).isPositive().isCloseTo(oldestInIndex, within(60.0));
        });
    }

    /** Puts a record on the probe's dead-letter topic as the platform parks one: the event and why it failed. */
    private static void park(OrderPlaced order, UUID ceId, String reason) {
        RecordHeaders headers = EventProducer.headers(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                CloudEventHeaders.ID, ceId.toString(), CloudEventHeaders.SOURCE, "/comanda/test",
                CloudEventHeaders.TYPE, EventType.ORDER_PLACED_V1.ceType(), CloudEventHeaders.SUBJECT,
                order.aggregateId(), DeadLetters.REASON, reason, DeadLetters.TOPIC, Topic.ORDERS.topicName(),
                DeadLetters.PARTITION, "0", DeadLetters.OFFSET, "0");
        try (EventProducer producer = new EventProducer(bootstrap())) {
            producer.sendRaw(DEAD_LETTER_TOPIC, order.aggregateId(), headers,
                    EventJson.write(order).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The API id of the waiting dead letter of this event, once the index lists it. */
    private String awaitWaiting(UUID ceId) {
        return await().atMost(PATIENCE).until(() -> row("select id, dlq_topic, status from dead_letter where ce_id = $1",
                        Tuple.of(ceId.toString()), found -> found).filter(r -> "waiting".equals(r.getString("status")))
                        .map(r -> r.getString("dlq_topic") + "-" + r.getLong("id")), Optional::isPresent)
                .orElseThrow();
    }

    private String statusOf(UUID ceId) {
        return row("select status from dead_letter where ce_id = $1", Tuple.of(ceId.toString()),
                found -> found.getString("status")).orElseThrow();
    }

    private long waitingWithReason(String reason) {
        return countWithReason(reason, "waiting");
    }

    private long countWithReason(String reason, String status) {
        return row("select count(*) as n from dead_letter where reason = $1 and status = $2", Tuple.of(reason, status),
                found -> found.getLong("n")).orElse(0L);
    }

    private <T> Optional<T> row(String sql, Tuple values, Function<Row, T> read) {
        var rows = pool.preparedQuery(sql).execute(values).await().atMost(Duration.ofSeconds(10));
        var found = rows.iterator();
        return found.hasNext() ? Optional.of(read.apply(found.next())) : Optional.empty();
    }

    private static void deleteEveryRecordOf(String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            Map<TopicPartition, RecordsToDelete> all = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().forEach(partition ->
                    all.put(new TopicPartition(topic, partition.partition()), RecordsToDelete.beforeOffset(-1)));
            admin.deleteRecords(all).all().get();
        }
    }

    /**
     * Deletes the topic and waits until it exists again under a new id: created here, or by the platform's own
     * topic check, whichever comes first.
     */
    private static void recreate(String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            Uuid before = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).topicId();
            admin.deleteTopics(List.of(topic)).all().get();
            await().atMost(PATIENCE).ignoreExceptions().until(() -> {
                createIfMissing(admin, topic);
                return !before.equals(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).topicId());
            });
        }
    }

    private static void createIfMissing(Admin admin, String topic) throws ExecutionException, InterruptedException {
        try {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) -1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
    }

    private static OrderPlaced order() {
        return new OrderPlaced(UUID.randomUUID(), "customer-of-the-index-test",
                List.of(new LineItem("PROBE-1", 1, Money.of(100, "EUR"))), Money.of(100, "EUR"), "pm_card_visa",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
