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
 * Notification rows do not grow without bound: the platform's purge deletes those last written more than
 * {@code comanda.notifications.retention} (30 days) ago, a claim left behind among them, and keeps younger ones.
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
