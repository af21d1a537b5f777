package io.comanda.orders;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.clients.TopicReader;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.EventType;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.comanda.orders.OrderEvents.bootstrap;
import static io.comanda.orders.OrderEvents.producer;
import static io.comanda.orders.OrderEvents.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A payment outcome can reach orders-service before its order is visible to it (the order's commit is
 * relayed a moment before other sessions see it): the outcome is retried on the delayed-retry topics,
 * not dead-lettered, and settles the order once it appears ({@code comanda.orders.outcome.unknown-order-wait}
 * is 5 s in tests: the order appears before the retry after 6 s).
 */
@QuarkusTest
class OutcomeBeforeItsOrderIT {

    private static final String FIRST_RETRY_TOPIC = "comanda.payments.orders-service.retry_1000";
    private static final String DEAD_LETTER_TOPIC = "comanda.payments.orders-service.dlq";

    @Test
    void anOutcomeThatArrivesBeforeItsOrderIsVisibleSettlesItOnceItAppearsAndIsNotDeadLettered() {
        UUID order = UUID.randomUUID();
        String orderId = order.toString();
        UUID ceId = UUID.randomUUID();
        try (EventProducer producer = producer()) {
            producer.send(succeeded(orderId), ceId, "outcome-before-order-it");
        }
        try (TopicReader retries = TopicReader.fromBeginning(bootstrap(), FIRST_RETRY_TOPIC)) {
            retries.awaitKey(orderId, Duration.ofSeconds(30));
        }
        assertThat(StoredOrders.status(order)).as("no order yet").isNull();

        // Alice's espresso order, which the outcome pays for, committed only now.
        StoredOrders.insertPending(order, Customers.subject(LocalUser.ALICE), 6048, Duration.ZERO);

        await().atMost(Duration.ofSeconds(60)).until(() -> "CONFIRMED".equals(StoredOrders.status(order)));
        assertThat(TestDatabase.count("select count(*) from outbox where aggregateid = ? and type = ?", orderId,
                EventType.ORDER_CONFIRMED_V1.ceType())).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from inbox where event_id = ?::uuid", ceId.toString())).isOne();
        try (TopicReader deadLetters = TopicReader.fromBeginning(bootstrap(), DEAD_LETTER_TOPIC)) {
            List<ConsumerRecord<String, String>> parked = deadLetters.readFor(Duration.ofSeconds(5));
            assertThat(parked).noneMatch(record -> orderId.equals(record.key()));
        }
    }
}
