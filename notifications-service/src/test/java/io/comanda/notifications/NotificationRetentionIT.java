package io.comanda.notifications;

import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.platform.retention.RetentionPurge;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notification rows and order summaries do not grow without bound: the platform's purge deletes the
 * notifications last written more than {@code comanda.notifications.retention} (30 days) ago, a claim left
 * behind among them, and the summaries of orders placed more than
 * {@code comanda.notifications.order-summary-retention} (90 days) ago, and keeps younger ones.
 */
@QuarkusTest
class NotificationRetentionIT {

    @Inject
    RetentionPurge purge;

    @Test
    void notificationsPastTheirRetentionArePurgedAndYoungerOnesKept() {
        UUID oldSent = notification("SENT", Duration.ofDays(31));
        UUID oldClaim = notification("CLAIMED", Duration.ofDays(31));
        UUID young = notification("SENT", Duration.ofDays(29));

        purge.purge().await().atMost(Duration.ofSeconds(30));

        assertThat(count(oldSent)).as("sent 31 days ago").isZero();
        assertThat(count(oldClaim)).as("claimed 31 days ago").isZero();
        assertThat(count(young)).as("sent 29 days ago").isOne();
    }

    @Test
    void orderSummariesPastTheirRetentionArePurgedAndYoungerOnesKept() {
        UUID old = orderSummary(Duration.ofDays(91));
        UUID young = orderSummary(Duration.ofDays(89));

        purge.purge().await().atMost(Duration.ofSeconds(30));

        assertThat(TestDatabase.count("select count(*) from order_summary where order_id = ?", old))
                .as("placed 91 days ago").isZero();
        assertThat(TestDatabase.count("select count(*) from order_summary where order_id = ?", young))
                .as("placed 89 days ago").isOne();
    }

    private static UUID orderSummary(Duration age) {
        UUID orderId = UUID.randomUUID();
        TestDatabase.update("insert into order_summary (order_id, customer_id, items, total_amount, currency, placed_at) "
                + "values (?, 'retention-it', '[]', 0, 'EUR', now() - make_interval(secs => ?))",
                orderId, (double) age.toSeconds());
        return orderId;
    }

    private static UUID notification(String state, Duration age) {
        UUID eventId = UUID.randomUUID();
        TestDatabase.update("insert into notification (event_id, order_id, recipient, template, state, claimed_by, "
                        + "claimed_at, recorded_at) values (?, ?, 'retention-it', 'received', ?, 'retention-it/0', "
                        + "now() - make_interval(secs => ?), now() - make_interval(secs => ?))",
                eventId, UUID.randomUUID(), state, (double) age.toSeconds(), (double) age.toSeconds());
        return eventId;
    }

    private static long count(UUID eventId) {
        return TestDatabase.count("select count(*) from notification where event_id = ?", eventId);
    }
}
