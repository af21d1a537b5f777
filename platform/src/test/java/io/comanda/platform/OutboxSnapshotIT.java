package io.comanda.platform;

import io.comanda.devstack.clients.TopicReader;
import io.comanda.devstack.parts.ConnectWorker;
import io.comanda.devstack.parts.ConnectorDefinition;
import io.comanda.devstack.parts.KafkaTopics;
import io.comanda.devstack.quarkus.SharedParts;
import io.comanda.devstack.quarkus.TestStack;
import io.comanda.events.CloudEventHeaders;
import io.comanda.events.EventType;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outbox row committed before its relay's connector (and so its replication slot) exists is still
 * published, once, with its {@code ce_id}: the connector files snapshot the outbox table when they have
 * no valid position ({@code snapshot.mode=when_needed}). The connector here is
 * {@code debezium/orders-outbox.json} itself, on a database, slot and topic of its own so that its
 * snapshot disturbs no other test.
 */
@QuarkusTest
class OutboxSnapshotIT {

    private static final String DATABASE = "outbox_snapshot";
    private static final String CONNECTOR = "outbox-snapshot-it";
    private static final String SLOT = "outbox_snapshot_it";
    private static final String TOPIC = "outbox-snapshot-it.orders";

    private final String connectUrl = TestStack.connect().url();

    @Test
    void relaysARowWrittenBeforeTheConnectorWasRegisteredOnceWithItsEventId() throws Exception {
        SharedParts.Database database = outboxDatabase();
        UUID writtenBefore = insertOutboxRow(database);

        registerRelay();
        UUID writtenAfter = insertOutboxRow(database);

        try (TopicReader reader = TopicReader.fromBeginning(bootstrapServers(), TOPIC)) {
            List<ConsumerRecord<String, String>> records = reader.readUntil(
                    seen -> countOf(seen, writtenBefore) > 0 && countOf(seen, writtenAfter) > 0, Duration.ofSeconds(90));
            assertThat(countOf(records, writtenBefore)).as("the row written before the slot existed, once").isEqualTo(1);
            assertThat(countOf(records, writtenAfter)).as("the row streamed after it, once").isEqualTo(1);
            ConsumerRecord<String, String> snapshotted = records.stream()
                    .filter(r -> writtenBefore.toString().equals(TopicReader.header(r, CloudEventHeaders.ID)))
                    .findFirst().orElseThrow();
            assertThat(snapshotted.key()).isEqualTo("order-" + writtenBefore);
            assertThat(TopicReader.header(snapshotted, CloudEventHeaders.TYPE)).isEqualTo(EventType.ORDER_PLACED_V1.ceType());
            assertThat(snapshotted.value()).contains("\"orderId\"");
        }
    }

    /**
     * What an operator does with a slot invalidated by {@code max_slot_wal_keep_size}: drop it and start the
     * connector again. The connector's stored position is no longer in any slot, so it snapshots the outbox
     * again: a retained row comes a second time with the same {@code ce_id}, which consumers' inboxes drop.
     */
    @Test
    void publishesTheRetainedOutboxAgainWithTheSameEventIdsOnceALostSlotIsReplaced() throws Exception {
        SharedParts.Database database = outboxDatabase();
        registerRelay();
        UUID relayed = insertOutboxRow(database);
        try (TopicReader reader = TopicReader.fromBeginning(bootstrapServers(), TOPIC)) {
            reader.readUntil(seen -> countOf(seen, relayed) == 1, Duration.ofSeconds(60));
        }

        dropTheRelay();
        registerRelay();

        try (TopicReader reader = TopicReader.fromBeginning(bootstrapServers(), TOPIC)) {
            List<ConsumerRecord<String, String>> records = reader.readUntil(seen -> countOf(seen, relayed) >= 2,
                    Duration.ofSeconds(90));
            assertThat(countOf(records, relayed)).as("streamed, then snapshotted again").isEqualTo(2);
        }
    }

    @AfterEach
    void dropTheRelay() {
        ConnectWorker.delete(connectUrl, CONNECTOR);
        // The deleted connector's slot holds WAL until dropped; it is released a moment after the delete.
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (Connection connection = connect(TestStack.database(DATABASE));
                 Statement statement = connection.createStatement()) {
                statement.execute("select pg_drop_replication_slot(slot_name) from pg_replication_slots"
                        + " where slot_name = '" + SLOT + "'");
                return true;
            }
        });
    }

    /** The outbox relay's database of this test, migrated like a service's, and its topic. */
    private static SharedParts.Database outboxDatabase() {
        SharedParts.Database database = TestStack.database(DATABASE);
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/comanda-platform").load().migrate();
        KafkaTopics.createMissing(bootstrapServers(), Map.of(TOPIC, 3));
        return database;
    }

    /** {@code debezium/orders-outbox.json} as shipped, on this test's database, slot and topic. */
    private void registerRelay() {
        ConnectWorker.register(connectUrl, ConnectorDefinition.load("orders-outbox").renamed(CONNECTOR, Map.of(
                "database.dbname", DATABASE, "slot.name", SLOT, "topic.prefix", CONNECTOR,
                "transforms.outbox.route.topic.replacement", "outbox-snapshot-it.${routedByValue}")));
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static long countOf(List<ConsumerRecord<String, String>> records, UUID eventId) {
        return records.stream().filter(r -> eventId.toString().equals(TopicReader.header(r, CloudEventHeaders.ID))).count();
    }

    private static UUID insertOutboxRow(SharedParts.Database database) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = connect(database); PreparedStatement insert = connection.prepareStatement("""
                insert into outbox (id, aggregatetype, aggregateid, type, payload, source, occurred_at)
                values (?, 'orders', ?, 'io.comanda.order.placed.v1', cast(? as jsonb), '/comanda/platform-probe', ?)
                """)) {
            insert.setObject(1, id);
            insert.setString(2, "order-" + id);
            insert.setString(3, "{\"orderId\":\"" + id + "\"}");
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return id;
    }

    private static Connection connect(SharedParts.Database database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
