package io.comanda.platform.messaging;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The back-off of in-place retries: doubling from 100 ms to a 30 s cap, jittered, within the budget. */
class RetryBackOffTest {

    private static final Duration PLENTY = Duration.ofHours(1);
    private final RetryBackOff backOff = RetryBackOff.DEFAULT;

    @Test
    void doublesFromAHundredMillisecondsUpToThirtySeconds() {
        assertThat(backOff.base(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(backOff.base(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backOff.base(5)).isEqualTo(Duration.ofMillis(3_200));
        assertThat(backOff.base(8)).isEqualTo(Duration.ofMillis(25_600));
        assertThat(backOff.base(9)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void staysAtTheCapHoweverManyAttemptsFailed() {
        assertThat(backOff.base(10_000)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backOff.delay(Integer.MAX_VALUE, () -> 0.5, PLENTY)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aLowerCapKeepsTheGrowthAndStopsAtTheCap() {
        RetryBackOff capped = RetryBackOff.cappedAt(Duration.ofSeconds(5));
        assertThat(capped.base(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(capped.base(5)).isEqualTo(Duration.ofMillis(3_200));
        assertThat(capped.base(6)).isEqualTo(Duration.ofSeconds(5));
        assertThat(capped.delay(100, () -> 0.5, PLENTY)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void jitterMovesEachDelayByAtMostAFifthEitherWay() {
        assertThat(backOff.delay(9, () -> 0.0, PLENTY)).isEqualTo(Duration.ofSeconds(24));
        assertThat(backOff.delay(9, () -> 0.999_999_9, PLENTY)).isEqualTo(Duration.ofSeconds(36));
        Random random = new Random(42);
        for (int attempt = 0; attempt < 20; attempt++) {
            long base = backOff.base(attempt).toMillis();
            Duration delay = backOff.delay(attempt, random::nextDouble, PLENTY);
            assertThat(delay.toMillis()).isBetween(Math.round(base * 0.8), Math.round(base * 1.2));
        }
    }

    @Test
    void jitterSpreadsConsumersThatFailedTogether() {
        Random random = new Random(7);
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> backOff.delay(9, random::nextDouble, PLENTY)).distinct().count();
        assertThat(distinct).isGreaterThan(40);
    }

    @Test
    void neverWaitsPastWhatIsLeftOfTheBudget() {
        assertThat(backOff.delay(9, () -> 0.5, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(backOff.delay(0, () -> 0.5, Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThat(backOff.delay(0, () -> 0.5, Duration.ofMillis(-5))).isEqualTo(Duration.ZERO);
    }

    @Test
    void aThirtyMinuteBudgetIsSpentMostlyAtTheCap() {
        Duration budget = Duration.ofMinutes(30);
        Duration waited = Duration.ZERO;
        int attempts = 0;
        Random random = new Random(1);
        while (waited.compareTo(budget) < 0) {
            waited = waited.plus(backOff.delay(attempts++, random::nextDouble, budget.minus(waited)));
        }
        assertThat(waited).isEqualTo(budget);
        assertThat(attempts).isBetween(60, 80);
    }

    @Test
    void refusesAShapeThatCannotGrow() {
        assertThatThrownBy(() -> new RetryBackOff(Duration.ZERO, Duration.ofSeconds(1), 0.2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryBackOff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0.2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryBackOff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
