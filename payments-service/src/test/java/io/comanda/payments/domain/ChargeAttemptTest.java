package io.comanda.payments.domain;

import io.comanda.payments.domain.ChargeAttempt.Unresolved;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.comanda.payments.domain.ChargeAttempt.Step.CHARGE_UNDER_KEY;
import static io.comanda.payments.domain.ChargeAttempt.Step.LOOK_UP;
import static io.comanda.payments.domain.ChargeAttempt.Step.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** When an order's idempotency key can still answer for its charge, and when its PaymentIntents are looked up. */
class ChargeAttemptTest {

    /** Production's windows. */
    static final KeyWindows WINDOWS = new KeyWindows() {
        @Override
        public Duration idempotencyKeyWindow() {
            return Duration.ofHours(23);
        }

        @Override
        public Duration requestExecutionLimit() {
            return Duration.ofMinutes(10);
        }

        @Override
        public Duration clockSkew() {
            return Duration.ofSeconds(5);
        }
    };

    private static final UUID ORDER = UUID.fromString("5b0f3a52-8d4e-4a57-9a0c-0d7c1d1b6f10");
    private static final Instant PLACED = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aNewAttemptChargesUnderTheOrdersUsualKeyWhoseWindowBeginsWhenTheOrderWasPlaced() {
        ChargeAttempt attempt = ChargeAttempt.first(ORDER, PLACED.plusSeconds(30));

        assertThat(attempt.idempotencyKey()).isEqualTo("comanda-order-" + ORDER);
        assertThat(attempt.windowStart(PLACED)).isEqualTo(PLACED);
        assertThat(attempt.next(PLACED.plusSeconds(30), WINDOWS, PLACED)).isEqualTo(CHARGE_UNDER_KEY);
        assertThat(attempt.next(PLACED.plus(Duration.ofHours(22)), WINDOWS, PLACED)).isEqualTo(CHARGE_UNDER_KEY);
    }

    @Test
    void anAttemptRecordedAgainAfterARestoreStillHasItsWindowFromThePlacementNotFromNow() {
        Instant restoredAt = PLACED.plus(Duration.ofHours(25));
        ChargeAttempt recordedAgain = ChargeAttempt.first(ORDER, restoredAt);

        assertThat(recordedAgain.next(restoredAt, WINDOWS, PLACED)).isEqualTo(LOOK_UP);
    }

    @Test
    void aKeyPastItsWindowIsNotTrustedAndTheOrdersPaymentIntentsAreLookedUp() {
        ChargeAttempt attempt = ChargeAttempt.first(ORDER, PLACED);

        assertThat(attempt.next(PLACED.plus(Duration.ofHours(23)), WINDOWS, PLACED)).isEqualTo(LOOK_UP);
        assertThat(attempt.next(PLACED.plus(Duration.ofDays(30)), WINDOWS, PLACED)).isEqualTo(LOOK_UP);
    }

    @Test
    void nothingGoesOutUnderAKeyWhenARequestCouldStillBeExecutingAsItsWindowEnds() {
        ChargeAttempt attempt = ChargeAttempt.first(ORDER, PLACED);
        Instant windowEnd = PLACED.plus(Duration.ofHours(23));

        assertThat(attempt.next(windowEnd.minus(Duration.ofMinutes(10)).minusSeconds(1), WINDOWS, PLACED)).isEqualTo(CHARGE_UNDER_KEY);
        assertThat(attempt.next(windowEnd.minus(Duration.ofMinutes(10)), WINDOWS, PLACED)).isEqualTo(WAIT);
        assertThat(attempt.next(windowEnd.minusSeconds(1), WINDOWS, PLACED)).isEqualTo(WAIT);
        assertThat(attempt.next(windowEnd, WINDOWS, PLACED)).isEqualTo(LOOK_UP);
    }

    @Test
    void aChargeWithoutAnAnswerIsAskedAgainUnderTheSameKey() {
        ChargeAttempt timedOut = ChargeAttempt.first(ORDER, PLACED).unresolved(Unresolved.AWAITING_ANSWER, PLACED.plusSeconds(20));

        assertThat(timedOut.next(PLACED.plusSeconds(21), WINDOWS, PLACED)).isEqualTo(CHARGE_UNDER_KEY);
        assertThat(timedOut.next(PLACED.plus(Duration.ofHours(2)), WINDOWS, PLACED)).isEqualTo(CHARGE_UNDER_KEY);
    }

    @Test
    void aKeyThatCannotTellIsLookedUpAtOnceSinceTheListingIsConsistent() {
        ChargeAttempt stored500 = ChargeAttempt.first(ORDER, PLACED).unresolved(Unresolved.KEY_CANNOT_TELL, PLACED.plusSeconds(1));

        assertThat(stored500.next(PLACED.plusSeconds(1), WINDOWS, PLACED)).isEqualTo(LOOK_UP);
    }

    @Test
    void theFirstUnresolvedAnswerStandsAndAKeyThatCannotTellStaysSo() {
        ChargeAttempt stored500 = ChargeAttempt.first(ORDER, PLACED).unresolved(Unresolved.KEY_CANNOT_TELL, PLACED.plusSeconds(1));

        ChargeAttempt thenTimedOut = stored500.unresolved(Unresolved.AWAITING_ANSWER, PLACED.plusSeconds(50));

        assertThat(thenTimedOut).isEqualTo(stored500);
        assertThat(stored500.resolved().unresolved()).isNull();
        assertThat(stored500.resolved().unresolvedSince()).isNull();
        assertThat(ChargeAttempt.first(ORDER, PLACED).resolved()).isEqualTo(ChargeAttempt.first(ORDER, PLACED));
    }

    @Test
    void eachNewGenerationHasItsOwnKeyFirstUsedNowAndDerivedFromTheLastOnly() {
        ChargeAttempt first = ChargeAttempt.first(ORDER, PLACED).unresolved(Unresolved.KEY_CANNOT_TELL, PLACED);
        Instant later = PLACED.plus(Duration.ofDays(2));

        ChargeAttempt second = first.nextGeneration(later);
        ChargeAttempt third = second.nextGeneration(later.plusSeconds(5));

        assertThat(second).isEqualTo(new ChargeAttempt(ORDER, "comanda-order-" + ORDER + "/2", later, null, null));
        assertThat(third.idempotencyKey()).isEqualTo("comanda-order-" + ORDER + "/3");
        assertThat(first.nextGeneration(later.plusSeconds(9)).idempotencyKey()).isEqualTo(second.idempotencyKey());
        assertThat(second.next(later, WINDOWS, PLACED)).isEqualTo(CHARGE_UNDER_KEY);
        assertThat(second.windowStart(PLACED)).as("a later generation's window is its own").isEqualTo(later);
    }
}
