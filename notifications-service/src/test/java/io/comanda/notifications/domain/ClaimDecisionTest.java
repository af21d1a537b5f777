package io.comanda.notifications.domain;

import io.comanda.notifications.domain.Notification.State;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.comanda.notifications.domain.ClaimDecision.DONE;
import static io.comanda.notifications.domain.ClaimDecision.RECORD;
import static io.comanda.notifications.domain.ClaimDecision.SEND;
import static io.comanda.notifications.domain.ClaimDecision.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** What a delivery does about its mail, from the claim it reads and what this process knows itself. */
class ClaimDecisionTest {

    private static final String ME = "notifications-1/4f1c0a2b";
    private static final String OTHER = "notifications-2/9e8d7c6b";
    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    @Test
    void aMailNobodyClaimedIsClaimedAndSent() {
        assertThat(decide(null, LocalSend.NONE)).isEqualTo(SEND);
    }

    @Test
    void aSentMailIsDone() {
        assertThat(decide(new MailClaim(State.SENT, OTHER, NOW.minusSeconds(5)), LocalSend.NONE)).isEqualTo(DONE);
    }

    @Test
    void aSkippedMailIsDone() {
        assertThat(decide(new MailClaim(State.SKIPPED, null, null), LocalSend.NONE)).isEqualTo(DONE);
    }

    @Test
    void aFreshClaimBySomeoneElseMakesTheRedeliveryWaitInsteadOfSending() {
        assertThat(decide(claimedBy(OTHER, Duration.ofSeconds(30)), LocalSend.NONE)).isEqualTo(WAIT);
    }

    @Test
    void aClaimJustShortOfTheLeaseStillHoldsTheMail() {
        assertThat(decide(claimedBy(OTHER, LEASE.minusMillis(1)), LocalSend.NONE)).isEqualTo(WAIT);
    }

    @Test
    void aClaimAsOldAsTheLeaseIsADeadSendersAndTheMailIsSentAgain() {
        assertThat(decide(claimedBy(OTHER, LEASE), LocalSend.NONE)).isEqualTo(SEND);
    }

    @Test
    void aClaimWithoutATimeIsTakenOver() {
        assertThat(decide(new MailClaim(State.CLAIMED, OTHER, null), LocalSend.NONE)).isEqualTo(SEND);
    }

    @Test
    void itsOwnClaimWhoseSendFailedBeforeAcceptanceIsSentAgainAtOnce() {
        assertThat(decide(claimedBy(ME, Duration.ofSeconds(1)), LocalSend.NONE)).isEqualTo(SEND);
    }

    @Test
    void itsOwnClaimWithTheMailAcceptedIsOnlyRecordedNeverSentAgain() {
        assertThat(decide(claimedBy(ME, Duration.ofSeconds(1)), LocalSend.ACCEPTED)).isEqualTo(RECORD);
    }

    @Test
    void anAcceptedMailWhoseClaimWasTakenOverMeanwhileIsOnlyRecorded() {
        assertThat(decide(claimedBy(OTHER, Duration.ofSeconds(1)), LocalSend.ACCEPTED)).isEqualTo(RECORD);
    }

    @Test
    void anAcceptedMailAlreadyMarkedSentIsDone() {
        assertThat(decide(new MailClaim(State.SENT, ME, NOW), LocalSend.ACCEPTED)).isEqualTo(DONE);
    }

    @Test
    void aMailBeingSentFromHereMakesAConcurrentDeliveryHereWait() {
        assertThat(decide(claimedBy(ME, Duration.ofSeconds(1)), LocalSend.IN_FLIGHT)).isEqualTo(WAIT);
    }

    @Test
    void aMailBeingSentFromHereWaitsEvenBeforeItsClaimIsVisible() {
        assertThat(decide(null, LocalSend.IN_FLIGHT)).isEqualTo(WAIT);
    }

    @Test
    void aMailBeingSentFromHereWaitsEvenPastTheLease() {
        assertThat(decide(claimedBy(ME, LEASE.multipliedBy(3)), LocalSend.IN_FLIGHT)).isEqualTo(WAIT);
    }

    private static ClaimDecision decide(MailClaim current, LocalSend local) {
        return ClaimDecision.of(current, ME, local, NOW, LEASE);
    }

    private static MailClaim claimedBy(String claimant, Duration ago) {
        return new MailClaim(State.CLAIMED, claimant, NOW.minus(ago));
    }
}
