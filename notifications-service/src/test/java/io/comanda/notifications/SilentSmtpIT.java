package io.comanda.notifications;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An SMTP server that never answers: the send is given up after the send timeout as a mail that may have
 * gone out, and the mail is not sent again before its claim's lease is over, however often the event is
 * retried meanwhile. The test profile's send timeout is 3 s and its lease 6 s; the retries come after
 * 1 s, then 5 s.
 */
@QuarkusTest
@TestProfile(SilentSmtpIT.SmtpThatNeverAnswers.class)
class SilentSmtpIT {

    /** The mail sent to {@link SilentSmtpServer}; the other parts as for every test. */
    public static class SmtpThatNeverAnswers implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SilentSmtpServer.class));
        }
    }

    @Test
    void aSendTheServerNeverAnswersIsGivenUpAndNotStartedAgainBeforeTheLeaseIsOver() {
        OrderPlaced order = OrderEvents.placed(Customers.id(LocalUser.ALICE));
        UUID eventId = UUID.randomUUID();
        try (EventProducer producer = OrderEvents.producer()) {
            producer.send(order, eventId, "silent-smtp");
        }

        long firstClaim = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> claimedAtMillis(eventId), at -> at > 0);
        // Without a timeout the send would hang for good, and nothing would claim the mail again.
        long nextClaim = await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> claimedAtMillis(eventId), at -> at > firstClaim);

        assertThat(Duration.ofMillis(nextClaim - firstClaim)).as("sent again only once the lease was over")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(6));
        assertThat(TestDatabase.one("select state from notification where event_id = ?", eventId))
                .hasValueSatisfying(row -> assertThat(row).containsEntry("state", "CLAIMED"));
    }

    /** When the event's mail was last claimed, in epoch milliseconds; 0 before it is. */
    private static long claimedAtMillis(UUID eventId) {
        return TestDatabase.one("select (extract(epoch from claimed_at) * 1000)::bigint as claimed_ms from notification "
                        + "where event_id = ?", eventId)
                .map(row -> Long.parseLong(row.get("claimed_ms"))).orElse(0L);
    }
}
