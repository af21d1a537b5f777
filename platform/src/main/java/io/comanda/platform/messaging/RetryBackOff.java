package io.comanda.platform.messaging;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long a consumer waits before it tries a transiently failed record again: 100 ms, doubling up to
 * a cap of 30 s, each delay moved at random by up to a fifth either way so that the consumers of a
 * dependency that just came back do not all call it in the same instant; and never past the retry
 * budget, after which the record is dead-lettered.
 *
 * @param first  the delay before the second attempt
 * @param cap    the delay no back-off grows beyond (before jitter)
 * @param jitter the share, from 0 to 1, by which a delay may be shorter or longer
 */
record RetryBackOff(Duration first, Duration cap, double jitter) {

    static final RetryBackOff DEFAULT = new RetryBackOff(Duration.ofMillis(100), Duration.ofSeconds(30), 0.2);

    /** The default's growth and jitter up to another cap. */
    static RetryBackOff cappedAt(Duration cap) {
        return new RetryBackOff(DEFAULT.first(), cap, DEFAULT.jitter());
    }

    RetryBackOff {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("0 < first <= cap and 0 <= jitter < 1");
        }
    }

    /** The delay before the base is jittered: {@code first * 2^attempt}, at most {@code cap}. */
    Duration base(int attempt) {
        long millis = first.toMillis();
        for (int i = 0; i < attempt && millis < cap.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }

    /**
     * @param attempt the failed attempt, 0 for the first
     * @param random  a number in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble}
     * @param left    what is left of the retry budget: the delay never exceeds it
     */
    Duration delay(int attempt, DoubleSupplier random, Duration left) {
        long base = base(attempt).toMillis();
        long jittered = Math.round(base * (1 + jitter * (2 * random.getAsDouble() - 1)));
        return Duration.ofMillis(Math.max(0, Math.min(jittered, left.toMillis())));
    }
}
