package io.comanda.notifications.domain;

import io.comanda.notifications.domain.LocalSend.Stage;
import io.comanda.notifications.domain.Notification.State;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.comanda.notifications.domain.ClaimDecision.DONE;
import static io.comanda.notifications.domain.ClaimDecision.RECORD;
import static io.comanda.notifications.domain.ClaimDecision.SEND;
import static io.comanda.notifications.domain.ClaimDecision.TAKE_OVER;
import static io.comanda.notifications.domain.ClaimDecision.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** What a delivery does about its mail, from the claim it reads and what this process knows itself. */
class ClaimDecisionTest {

    private static final String ME = "notifications-1/4f1c0a2b";
    private static final String OTHER = "notifications-2/9e8d7c6b";
    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration TAKEOVER_WAIT = Duration.ofSeconds(15);
    private static final ClaimTimings TIMINGS = new ClaimTimings(LEASE, Duration.ofSeconds(30), Duration.ofSeconds(5),
            TAKEOVER_WAIT);

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
    void aClaimAsOldAsTheLeaseIsTakenOverWithNothingSentYet() {
        assertThat(decide(claimedBy(OTHER, LEASE), LocalSend.NONE)).isEqualTo(TAKE_OVER);
    }

    @Test
    void aClaimWithoutATimeIsTakenOverWithNothingSentYet() {
        assertThat(decide(new MailClaim(State.CLAIMED, OTHER, null), LocalSend.NONE)).isEqualTo(TAKE_OVER);
    }

    @Test
    void onlyATakeOverAndASendWriteTheClaim() {
        assertThat(ClaimDecision.values()).filteredOn(ClaimDecision::writesClaim).containsExactlyInAnyOrder(SEND, TAKE_OVER);
    }

    @Test
    void aTakenOverClaimIsNotSentBeforeTheFormerHolderHadTimeToMarkIt() {
        MailClaim mine = claimedBy(ME, TAKEOVER_WAIT.minusMillis(1));
        assertThat(decide(mine, LocalSend.of(Stage.TAKEN_OVER, mine.claimedAt()))).isEqualTo(WAIT);
    }

    @Test
    void aTakenOverClaimStillHeldPastTheTakeoverWaitIsSent() {
        MailClaim mine = claimedBy(ME, TAKEOVER_WAIT);
        assertThat(decide(mine, LocalSend.of(Stage.TAKEN_OVER, mine.claimedAt()))).isEqualTo(SEND);
    }

    @Test
    void aTakenOverClaimMarkedSentMeanwhileByItsFormerHolderIsDone() {
        MailClaim markedByFormerHolder = new MailClaim(State.SENT, ME, NOW.minus(TAKEOVER_WAIT));
        assertThat(decide(markedByFormerHolder, LocalSend.of(Stage.TAKEN_OVER, NOW.minus(TAKEOVER_WAIT)))).isEqualTo(DONE);
    }

    @Test
    void aTakeoverWhoseClaimTimeNoLongerMatchesTheRowSendsNothing() {
        MailClaim mine = claimedBy(ME, TAKEOVER_WAIT.multipliedBy(2));
        assertThat(decide(mine, LocalSend.of(Stage.TAKEN_OVER, NOW.minus(TAKEOVER_WAIT)))).isEqualTo(WAIT);
    }

    @Test
    void aTakeoverWhoseClaimWasTakenOverInTurnFollowsTheOtherSendersClaim() {
        LocalSend takenOver = LocalSend.of(Stage.TAKEN_OVER, NOW.minus(LEASE.multipliedBy(2)));
        assertThat(decide(claimedBy(OTHER, Duration.ofSeconds(1)), takenOver)).isEqualTo(WAIT);
    }

    @Test
    void itsOwnClaimWhoseSendFailedBeforeAcceptanceIsSentAgainAtOnce() {
        assertThat(decide(claimedBy(ME, Duration.ofSeconds(1)), LocalSend.NONE)).isEqualTo(SEND);
    }

    @Test
    void itsOwnClaimWithTheMailAcceptedIsOnlyRecordedNeverSentAgain() {
        assertThat(decide(claimedBy(ME, Duration.ofSeconds(1)), local(Stage.ACCEPTED))).isEqualTo(RECORD);
    }

    @Test
    void anAcceptedMailWhoseClaimWasTakenOverMeanwhileIsOnlyRecorded() {
        assertThat(decide(claimedBy(OTHER, Duration.ofSeconds(1)), local(Stage.ACCEPTED))).isEqualTo(RECORD);
    }

    @Test
    void anAcceptedMailAlreadyMarkedSentIsDone() {
        assertThat(decide(new MailClaim(State.SENT, ME, NOW), local(Stage.ACCEPTED))).isEqualTo(DONE);
    }

    @Test
    void aMailBeingSentFromHereMakesAConcurrentDeliveryHereWait() {
        assertThat(decide(claimedBy(ME, Duration.ofSeconds(1)), local(Stage.IN_FLIGHT))).isEqualTo(WAIT);
    }

    @Test
    void aMailBeingSentFromHereWaitsEvenBeforeItsClaimIsVisible() {
        assertThat(decide(null, local(Stage.IN_FLIGHT))).isEqualTo(WAIT);
    }

    @Test
    void aMailBeingSentFromHereWaitsEvenPastTheLease() {
        assertThat(decide(claimedBy(ME, LEASE.multipliedBy(3)), local(Stage.IN_FLIGHT))).isEqualTo(WAIT);
    }

    @Test
    void aTimedOutSendIsNotSentAgainWhileItsLeaseHolds() {
        assertThat(decide(claimedBy(ME, LEASE.minusMillis(1)), local(Stage.TIMED_OUT))).isEqualTo(WAIT);
    }

    @Test
    void aTimedOutSendWaitsEvenBeforeItsClaimIsVisible() {
        assertThat(decide(null, local(Stage.TIMED_OUT))).isEqualTo(WAIT);
    }

    @Test
    void aTimedOutSendIsSentAgainOnceItsLeaseIsOver() {
        assertThat(decide(claimedBy(ME, LEASE), local(Stage.TIMED_OUT))).isEqualTo(SEND);
    }

    @Test
    void aTimedOutSendWhoseClaimWasTakenOverWaitsForTheOtherSender() {
        assertThat(decide(claimedBy(OTHER, Duration.ofSeconds(1)), local(Stage.TIMED_OUT))).isEqualTo(WAIT);
    }

    private static ClaimDecision decide(MailClaim current, LocalSend local) {
        return ClaimDecision.of(current, ME, local, NOW, TIMINGS);
    }

    private static LocalSend local(Stage stage) {
        return LocalSend.of(stage, NOW.minusSeconds(1));
    }

    private static MailClaim claimedBy(String claimant, Duration ago) {
        return new MailClaim(State.CLAIMED, claimant, NOW.minus(ago));
    }
}
