package io.comanda.payments.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.comanda.payments.domain.ChargeAttempt.Step.CHARGE_UNDER_KEY;
import static io.comanda.payments.domain.ChargeAttempt.Step.SEARCH_FIRST;
import static io.comanda.payments.domain.ChargeAttempt.Step.WAIT_FOR_SEARCH;
import static org.assertj.core.api.Assertions.assertThat;

/** When an order's idempotency key can still answer for its charge, and when its PaymentIntent is searched for. */
class ChargeAttemptTest {

    static final KeyWindows WINDOWS = new KeyWindows() {
        @Override
        public Duration idempotencyKeyWindow() {
            return Duration.ofHours(23);
        }

        @Override
        public Duration searchConsistency() {
            return Duration.ofMinutes(1);
        }
    };

    private static final UUID ORDER = UUID.fromString("5b0f3a52-8d4e-4a57-9a0c-0d7c1d1b6f10");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aNewAttemptChargesUnderTheOrdersUsualKey() {
        ChargeAttempt attempt = ChargeAttempt.first(ORDER, T0);

        assertThat(attempt.idempotencyKey()).isEqualTo("comanda-order-" + ORDER);
        assertThat(attempt.next(T0, WINDOWS)).isEqualTo(CHARGE_UNDER_KEY);
        assertThat(attempt.next(T0.plus(Duration.ofHours(22)), WINDOWS)).isEqualTo(CHARGE_UNDER_KEY);
    }

    @Test
    void aKeyOlderThanTheWindowIsNotTrustedAndTheOrderIsSearchedFor() {
        ChargeAttempt attempt = ChargeAttempt.first(ORDER, T0);

        assertThat(attempt.next(T0.plus(Duration.ofHours(23)), WINDOWS)).isEqualTo(SEARCH_FIRST);
        assertThat(attempt.next(T0.plus(Duration.ofDays(30)), WINDOWS)).isEqualTo(SEARCH_FIRST);
    }

    @Test
    void noChargeGoesUnderAKeyInItsLastMomentsWhenASearchRightAfterCouldStillMissIt() {
        ChargeAttempt attempt = ChargeAttempt.first(ORDER, T0);
        Instant windowEnd = T0.plus(Duration.ofHours(23));

        assertThat(attempt.next(windowEnd.minusSeconds(61), WINDOWS)).isEqualTo(CHARGE_UNDER_KEY);
        assertThat(attempt.next(windowEnd.minusSeconds(60), WINDOWS)).isEqualTo(WAIT_FOR_SEARCH);
        assertThat(attempt.next(windowEnd.minusSeconds(1), WINDOWS)).isEqualTo(WAIT_FOR_SEARCH);
        assertThat(attempt.next(windowEnd, WINDOWS)).isEqualTo(SEARCH_FIRST);
    }

    @Test
    void anIndeterminateAnswerIsRetriedUnderItsKeyUntilTheSearchCanShowWhatItDidThenSearched() {
        ChargeAttempt failed = ChargeAttempt.first(ORDER, T0).indeterminate(T0.plusSeconds(1));

        assertThat(failed.next(T0.plusSeconds(30), WINDOWS)).isEqualTo(CHARGE_UNDER_KEY);
        assertThat(failed.next(T0.plusSeconds(61), WINDOWS)).isEqualTo(SEARCH_FIRST);
    }

    @Test
    void anIndeterminateAnswerUnderAKeyPastItsWindowWaitsForTheSearchWithoutCallingAgain() {
        ChargeAttempt failed = ChargeAttempt.first(ORDER, T0).indeterminate(T0.plus(Duration.ofHours(23)));

        assertThat(failed.next(T0.plus(Duration.ofHours(23)).plusSeconds(10), WINDOWS)).isEqualTo(WAIT_FOR_SEARCH);
        assertThat(failed.next(T0.plus(Duration.ofHours(23)).plusSeconds(60), WINDOWS)).isEqualTo(SEARCH_FIRST);
    }

    @Test
    void theFirstIndeterminateAnswerStandsSoReplaysCannotPutTheSearchOff() {
        ChargeAttempt failed = ChargeAttempt.first(ORDER, T0).indeterminate(T0.plusSeconds(1));

        assertThat(failed.indeterminate(T0.plusSeconds(50))).isSameAs(failed);
        assertThat(failed.definite().indeterminateSince()).isNull();
        assertThat(ChargeAttempt.first(ORDER, T0).definite()).isEqualTo(ChargeAttempt.first(ORDER, T0));
    }

    @Test
    void eachNewGenerationHasItsOwnKeyFirstUsedNowAndDerivedFromTheLastOnly() {
        ChargeAttempt first = ChargeAttempt.first(ORDER, T0).indeterminate(T0);
        Instant later = T0.plus(Duration.ofDays(2));

        ChargeAttempt second = first.nextGeneration(later);
        ChargeAttempt third = second.nextGeneration(later.plusSeconds(5));

        assertThat(second).isEqualTo(new ChargeAttempt(ORDER, "comanda-order-" + ORDER + "/2", later, null));
        assertThat(third.idempotencyKey()).isEqualTo("comanda-order-" + ORDER + "/3");
        assertThat(first.nextGeneration(later.plusSeconds(9)).idempotencyKey()).isEqualTo(second.idempotencyKey());
        assertThat(second.next(later, WINDOWS)).isEqualTo(CHARGE_UNDER_KEY);
    }
}
