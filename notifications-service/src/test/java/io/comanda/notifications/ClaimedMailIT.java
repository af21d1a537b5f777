package io.comanda.notifications;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.comanda.notifications.Customers.ALICE_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mail redelivered after a rebalance: the instance that had the partition before claimed the mail and
 * may be sending it. The redelivery reads the claim, not the send: it sends nothing while the claim is
 * fresh, nothing once the other instance has recorded the mail, and the mail once when the claimant died
 * (its claim older than the lease), in two steps: the claim taken over first, the mail sent by a later
 * attempt, unless the former claimant marked it sent meanwhile. The test profile's lease is 6 s and its
 * takeover wait 2 s; the retries come after 1 s, 5 s, then 15 s.
 */
@QuarkusTest
class ClaimedMailIT {

    private static final String OTHER_INSTANCE = "notifications-service-0/0a1b2c3d";

    @Test
    void aMailClaimedByAnotherInstanceIsNotSentAgainWhileItsClaimHoldsNorAfterItWasRecorded() {
        Delivered delivered = deliveredAfterAnotherInstanceClaimedIt("now()");
        UUID eventId = delivered.eventId();

        // Within the lease: the delivery and its first retry wait. A mail sent meanwhile would keep the count above
        // 0, so the slack for slow mailbox reads cannot hide one; it ends before the lease does (6 s).
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> MailCount.answering(ALICE_ADDRESS, eventId) == 0);
        assertThat(claimedBy(eventId)).isEqualTo(OTHER_INSTANCE);
        markedSentByTheOtherInstance(eventId);

        // The retries after the lease (at 6 s and 21 s) find the mail recorded: the earliest a takeover could send.
        await().during(Duration.ofSeconds(25)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> MailCount.answering(ALICE_ADDRESS, eventId) == 0);
        assertThat(OrderEvents.deadLetteredKeys()).doesNotContain(delivered.order().orderId().toString());
    }

    @Test
    void aMailMarkedSentByItsFormerClaimantAfterTheTakeoverIsNotSentAgain() {
        // The other instance's SMTP server accepted the mail; its sent mark waits for the database, away past the lease.
        UUID eventId = deliveredAfterAnotherInstanceClaimedIt("now() - interval '10 minutes'").eventId();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !OTHER_INSTANCE.equals(claimedBy(eventId)));
        assertThat(MailCount.answering(ALICE_ADDRESS, eventId)).as("a takeover sends nothing at once").isZero();
        markedSentByTheOtherInstance(eventId);

        // The retry past the takeover's wait (at 6 s) finds the mail recorded.
        await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofSeconds(1))
                .until(() -> MailCount.answering(ALICE_ADDRESS, eventId) == 0);
        assertThat(TestDatabase.one("select state from notification where event_id = ?", eventId))
                .hasValueSatisfying(row -> assertThat(row).containsEntry("state", "SENT"));
    }

    @Test
    void aMailWhoseClaimantDiedPastTheLeaseIsSentOnceByTheRedelivery() {
        UUID eventId = deliveredAfterAnotherInstanceClaimedIt("now() - interval '10 minutes'").eventId();

        // Taken over at once, sent by the retry past the takeover's wait (at 6 s).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> MailCount.answering(ALICE_ADDRESS, eventId) >= 1);
        await().atMost(Duration.ofSeconds(60)).until(OrderEvents::mailConsumerCaughtUp);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> MailCount.answering(ALICE_ADDRESS, eventId) == 1);
        assertThat(TestDatabase.one("select state from notification where event_id = ?", eventId))
                .hasValueSatisfying(row -> assertThat(row).containsEntry("state", "SENT"));
        assertThat(claimedBy(eventId)).isNotEqualTo(OTHER_INSTANCE);
    }

    private record Delivered(OrderPlaced order, UUID eventId) {
    }

    /** Alice's order placed, its mail claimed by another instance at {@code claimedAt} (SQL), then delivered here. */
    private static Delivered deliveredAfterAnotherInstanceClaimedIt(String claimedAt) {
        OrderPlaced order = OrderEvents.placed(Customers.id(LocalUser.ALICE));
        UUID eventId = UUID.randomUUID();
        TestDatabase.update("insert into notification (event_id, order_id, recipient, template, state, claimed_by, "
                + "claimed_at, recorded_at) values (?, ?, ?, 'received', 'CLAIMED', ?, " + claimedAt + ", " + claimedAt + ")",
                eventId, order.orderId(), order.customerId(), OTHER_INSTANCE);
        try (EventProducer producer = OrderEvents.producer()) {
            producer.send(order, eventId, "claimed-mail-it");
        }
        return new Delivered(order, eventId);
    }

    /** What the other instance writes once the SMTP server accepted its mail: the sent mark and the inbox record. */
    private static void markedSentByTheOtherInstance(UUID eventId) {
        TestDatabase.update("update notification set state = 'SENT', message_id = ?, recorded_at = now() where event_id = ?",
                MailCount.messageIdOf(eventId), eventId);
        TestDatabase.update("insert into inbox (consumer, event_id) values ('notifications-service', ?)", eventId);
    }

    private static String claimedBy(UUID eventId) {
        return TestDatabase.one("select claimed_by from notification where event_id = ?", eventId).orElseThrow()
                .get("claimed_by");
    }
}
