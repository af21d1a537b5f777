package io.comanda.orders;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.devstack.parts.ConnectWorker;
import io.comanda.devstack.quarkus.KeycloakTestResource;
import io.comanda.devstack.quarkus.PostgresTestResource;
import io.comanda.devstack.quarkus.SharedParts;
import io.comanda.devstack.quarkus.TestStack;
import io.comanda.events.Money;
import io.comanda.events.PaymentSucceeded;
import io.comanda.events.Topic;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * orders-service starts while Kafka is down: it serves its API at once (an order goes to the outbox in
 * PostgreSQL), and once the broker is back the order is relayed and its payment outcome consumed.
 *
 * <p>The application runs with its own resources ({@link KafkaDownAtStart}): the run's restartable
 * broker, stopped before the application starts, PostgreSQL and Keycloak. The outbox relay is the run's
 * Kafka Connect worker, whose orders-outbox connector is registered before the broker stops, since it
 * relays only what is written after its replication slot exists.
 */
@QuarkusTest
@TestProfile(KafkaDownAtStartIT.KafkaDownAtStart.class)
class KafkaDownAtStartIT {

    @Test
    void servesOrdersWhileKafkaIsDownAndSettlesThemOnceItIsBack() {
        String orderId;
        try {
            orderId = Customers.placing(LocalUser.ALICE, Customers.newKey())
                    .body(Customers.espressoOrder("placed before Kafka ever answered")).post("/orders")
                    .then().statusCode(201).extract().path("id");
            Customers.as(LocalUser.ALICE).get("/orders").then().statusCode(200).body("items.id", hasItem(orderId));
        } finally {
            TestStack.restartKafka();
        }

        try (TopicReader reader = TopicReader.fromBeginning(bootstrap(), Topic.ORDERS.topicName())) {
            reader.readUntil(seen -> seen.stream().map(ConsumerRecord::key).anyMatch(orderId::equals),
                    Duration.ofSeconds(120));
        }
        try (EventProducer producer = new EventProducer(bootstrap())) {
            producer.send(new PaymentSucceeded(UUID.randomUUID(), UUID.fromString(orderId),
                    Customers.subject(LocalUser.ALICE), Money.of(6048, "EUR"), "pi_test_" + orderId.substring(0, 8),
                    Instant.now()), UUID.randomUUID(), "kafka-down-at-start");
        }
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> Customers.as(LocalUser.ALICE)
                .get("/orders/" + orderId).then().statusCode(200).body("status", equalTo("CONFIRMED")));
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** The application starts with the broker down; the other parts as for every test. */
    public static class KafkaDownAtStart implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            // The relay resource registers its connector, which needs the broker, after the application started.
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoppedKafka.class),
                    new TestResourceEntry(PostgresTestResource.class, Map.of(PostgresTestResource.DATABASE, "orders")),
                    new TestResourceEntry(KeycloakTestResource.class));
        }
    }

    /**
     * The run's restartable broker, started if it was not, then stopped; the test starts it again. Before it
     * stops, the outbox relay is set up as the other tests have it: the service's schema migrated (the
     * application finds it so), the connector registered.
     */
    public static class StoppedKafka implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            String bootstrap = TestStack.kafka(true).bootstrapServers();
            SharedParts.Database orders = TestStack.database("orders");
            Flyway.configure(StoppedKafka.class.getClassLoader())
                    .dataSource(orders.jdbcUrl(), orders.username(), orders.password())
                    .locations("classpath:db/comanda-platform", "classpath:db/migration").load().migrate();
            ConnectWorker.ensureRegistered(TestStack.connect().url(), "orders-outbox");
            TestStack.stopKafka();
            return Map.of("kafka.bootstrap.servers", bootstrap);
        }

        @Override
        public void stop() {
            // The broker is the run's: TestStack stops it when the JVM exits.
        }
    }
}
