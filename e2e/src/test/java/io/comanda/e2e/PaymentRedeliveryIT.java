package io.comanda.e2e;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.parts.EmbeddedKafka;
import io.comanda.devstack.parts.MachineCache;
import io.comanda.devstack.parts.Ports;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.QuarkusAppProcess;
import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import io.comanda.events.Topic;
import io.comanda.stripe.emulator.StripeEmulator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged payments-service restarted with its consumer group rewound to the start of
 * {@code comanda.orders}, as after a crash before its offsets were committed: every order is
 * delivered again, and none is charged, recorded or announced a second time.
 */
class PaymentRedeliveryIT {

    private static final String GROUP = "payments-service";

    @Test
    void ordersRedeliveredAfterAConsumerRestartAreNotChargedAgain() throws Exception {
        Path work = Path.of("target", "redelivery").toAbsolutePath();
        MachineCache.deleteRecursively(work);
        try (PostgresServer postgres = PostgresServer.start(work.resolve("postgres"), 0, true, work.resolve("postgres.log"));
             EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"));
             StripeEmulator stripe = StripeEmulator.start(0)) {
            postgres.createDatabase("payments");
            kafka.createTopics(Map.of(Topic.ORDERS.topicName(), Topic.DEFAULT_PARTITIONS));
            List<OrderPlaced> orders = List.of(order(), order(), order());
            try (EventProducer producer = new EventProducer(kafka.bootstrapServers())) {
                orders.forEach(order -> producer.send(order, UUID.randomUUID(), "redelivery"));
            }
            Map<String, String> environment = Map.of(
                    "QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl("payments"),
                    "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("payments"),
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "COMANDA_STRIPE_API_BASE", stripe.apiBase(),
                    // The payment-state API's token issuer: no request reaches that API here, so no realm runs.
                    "QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:" + Ports.free() + "/realms/comanda",
                    "QUARKUS_OTEL_SDK_DISABLED", "true");

            try (QuarkusAppProcess payments = start(environment, work, "first")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> count(postgres, "select count(*) from payment") == 3);
                await().atMost(Duration.ofSeconds(60)).until(() -> committed(kafka) == 3);
            }
            // The group must be empty to be rewound; the stopped service's consumer may take a moment to leave.
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> rewindToStart(kafka));
            assertThat(committed(kafka)).isZero();

            try (QuarkusAppProcess payments = start(environment, work, "restarted")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> committed(kafka) == 3);
            }

            for (OrderPlaced order : orders) {
                assertThat(stripe.ledger().chargesForOrder(order.orderId().toString())).isEqualTo(1);
            }
            assertThat(stripe.ledger().replays()).as("no charge even reached Stripe twice").isZero();
            assertThat(count(postgres, "select count(*) from payment")).isEqualTo(3);
            assertThat(count(postgres, "select count(*) from outbox")).isEqualTo(3);
        }
    }

    private static QuarkusAppProcess start(Map<String, String> environment, Path work, String name) {
        return QuarkusAppProcess.start("payments-service", ComandaCli.ROOT.resolve("payments-service"), Ports.free(),
                "384m", environment, work.resolve("payments-service-" + name + ".log"));
    }

    private static OrderPlaced order() {
        return new OrderPlaced(UUID.randomUUID(), "redelivery-customer",
                List.of(new LineItem("MUG-CERAMIC", 1, Money.of(890, "EUR"))), Money.of(890, "EUR"), "pm_card_visa",
                Instant.now());
    }

    /** Records of comanda.orders the group has committed, over all partitions. */
    private static long committed(EmbeddedKafka kafka) throws Exception {
        try (Admin admin = admin(kafka)) {
            return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(Topic.ORDERS.topicName()))
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    private static void rewindToStart(EmbeddedKafka kafka) throws Exception {
        try (Admin admin = admin(kafka)) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (int partition = 0; partition < Topic.DEFAULT_PARTITIONS; partition++) {
                start.put(new TopicPartition(Topic.ORDERS.topicName(), partition), new OffsetAndMetadata(0));
            }
            admin.alterConsumerGroupOffsets(GROUP, start).all().get();
        }
    }

    private static Admin admin(EmbeddedKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static long count(PostgresServer postgres, String sql) throws Exception {
        try (Connection connection = postgres.connect("payments"); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
