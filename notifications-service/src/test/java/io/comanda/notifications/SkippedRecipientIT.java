package io.comanda.notifications;

import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Nobody to write to is an ordinary outcome: counted and recorded, never a crash or a dead letter. */
@QuarkusTest
class SkippedRecipientIT {

    private static final String SKIPPED = "comanda_notifications_skipped_total";

    @Test
    void customerWithoutAnAddressIsSkippedAndCountedNotDeadLettered() {
        double before = OrderEvents.counter(SKIPPED, "reason", "no-address");
        OrderPlaced order = OrderEvents.placed(Customers.createWithoutAddress());

        OrderEvents.publish(order);

        await().atMost(Duration.ofSeconds(60)).until(() -> OrderEvents.counter(SKIPPED, "reason", "no-address") > before);
        assertThat(skipOf(order)).containsEntry("state", "SKIPPED").containsEntry("skip_reason", "no-address");
        assertThat(OrderEvents.deadLetteredKeys()).doesNotContain(order.orderId().toString());
    }

    @Test
    void deletedCustomerIsSkippedAndCountedNotDeadLettered() {
        double before = OrderEvents.counter(SKIPPED, "reason", "unknown-user");
        OrderPlaced order = OrderEvents.placed(UUID.randomUUID().toString());

        OrderEvents.publish(order, OrderEvents.confirmed(order));

        await().atMost(Duration.ofSeconds(60)).until(() -> OrderEvents.counter(SKIPPED, "reason", "unknown-user") >= before + 2);
        assertThat(skipOf(order)).containsEntry("skip_reason", "unknown-user");
        assertThat(OrderEvents.deadLetteredKeys()).doesNotContain(order.orderId().toString());
    }

    private static Map<String, String> skipOf(OrderPlaced order) {
        return TestDatabase.one("select state, skip_reason from notification where order_id = ? and template = 'received'",
                order.orderId()).orElseThrow();
    }
}
