package io.comanda.notifications.domain;

import io.comanda.notifications.domain.LocalSend.Stage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What this process remembers of its own sends, what it still has to mark, and that it stays bounded. */
class LocalSendsTest {

    private static final Instant CLAIMED_AT = Instant.parse("2026-12-07T04:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    // A new instance per test: each starts with nothing known.
    private final LocalSends sends = new LocalSends();
    private final MailToSend mail = mail();

    @Test
    void anAcceptedMailIsRememberedUntilItIsRecorded() {
        sends.inFlight(mail, CLAIMED_AT);
        assertThat(sends.of(mail.eventId())).isEqualTo(LocalSend.of(Stage.IN_FLIGHT, CLAIMED_AT));
        sends.accepted(mail, CLAIMED_AT);
        assertThat(sends.of(mail.eventId()).stage()).isEqualTo(Stage.ACCEPTED);
        sends.forget(mail.eventId());
        assertThat(sends.of(mail.eventId())).isEqualTo(LocalSend.NONE);
    }

    @Test
    void onlyAcceptedMailsAreLeftToMark() {
        MailToSend accepted = mail();
        MailToSend inFlight = mail();

        sends.accepted(accepted, CLAIMED_AT);
        sends.inFlight(inFlight, CLAIMED_AT);

        assertThat(sends.unrecorded()).containsExactly(accepted);
    }

    @Test
    void aSendWithoutAnAnswerInTimeIsNotedAsTimedOut() {
        sends.inFlight(mail, CLAIMED_AT);

        sends.timedOut(mail.eventId(), CLAIMED_AT);

        assertThat(sends.of(mail.eventId())).isEqualTo(LocalSend.of(Stage.TIMED_OUT, CLAIMED_AT));
    }

    @Test
    void aTimedOutSendAcceptedLateIsLeftToMark() {
        sendTimedOut(mail);

        sends.accepted(mail, CLAIMED_AT);

        assertThat(sends.unrecorded()).containsExactly(mail);
    }

    @Test
    void anAnswerThatCameBeforeTheTimeoutIsNotOverwrittenByIt() {
        sends.inFlight(mail, CLAIMED_AT);
        sends.accepted(mail, CLAIMED_AT);

        sends.timedOut(mail.eventId(), CLAIMED_AT);

        assertThat(sends.of(mail.eventId()).stage()).isEqualTo(Stage.ACCEPTED);
    }

    @Test
    void aLateFailureOfAnEarlierAttemptDoesNotClearTheAttemptUnderWay() {
        sendTimedOut(mail);
        Instant later = CLAIMED_AT.plus(LEASE);
        sends.inFlight(mail, later);

        sends.failed(mail.eventId(), CLAIMED_AT);

        assertThat(sends.of(mail.eventId())).isEqualTo(LocalSend.of(Stage.IN_FLIGHT, later));
    }

    @Test
    void aFailureBeforeAcceptanceForgetsTheSend() {
        sends.inFlight(mail, CLAIMED_AT);

        sends.failed(mail.eventId(), CLAIMED_AT);

        assertThat(sends.of(mail.eventId())).isEqualTo(LocalSend.NONE);
    }

    @Test
    void takeoversAndTimedOutSendsGoOnceTheirLeaseIsOverAcceptedMailsStay() {
        MailToSend takenOver = mail();
        MailToSend timedOut = mail();
        MailToSend accepted = mail();
        MailToSend freshTakeover = mail();
        sends.takenOver(takenOver, CLAIMED_AT);
        sendTimedOut(timedOut);
        sends.accepted(accepted, CLAIMED_AT);
        sends.takenOver(freshTakeover, CLAIMED_AT.plusSeconds(1));

        sends.expire(CLAIMED_AT.plus(LEASE), LEASE);

        assertThat(sends.of(takenOver.eventId())).isEqualTo(LocalSend.NONE);
        assertThat(sends.of(timedOut.eventId())).isEqualTo(LocalSend.NONE);
        assertThat(sends.of(accepted.eventId()).stage()).isEqualTo(Stage.ACCEPTED);
        assertThat(sends.of(freshTakeover.eventId()).stage()).isEqualTo(Stage.TAKEN_OVER);
    }

    @Test
    void atTheBoundNothingIsForgottenAndNoNewMailIsTaken() {
        MailToSend oldest = mail();
        sends.accepted(oldest, CLAIMED_AT);

        for (int i = 1; i < LocalSends.MAX_ENTRIES; i++) {
            sends.accepted(mail(), CLAIMED_AT);
        }

        assertThat(sends.full()).isTrue();
        assertThat(sends.of(oldest.eventId()).stage()).isEqualTo(Stage.ACCEPTED);
        assertThat(sends.unrecorded()).hasSize(LocalSends.MAX_ENTRIES).startsWith(oldest);
        sends.forget(oldest.eventId());
        assertThat(sends.full()).isFalse();
    }

    private void sendTimedOut(MailToSend timedOut) {
        sends.inFlight(timedOut, CLAIMED_AT);
        sends.timedOut(timedOut.eventId(), CLAIMED_AT);
    }

    private static MailToSend mail() {
        return new MailToSend(UUID.randomUUID(), MailKind.RECEIVED, null, "customer", null, null);
    }
}
