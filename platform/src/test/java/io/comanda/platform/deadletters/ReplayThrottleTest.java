package io.comanda.platform.deadletters;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk replays share one pace: two of them together go no faster than the configured rate. */
class ReplayThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ReplayThrottle throttle = new ReplayThrottle(200, now::get);

    @Test
    void theFirstBatchGoesAtOnceAndTheNextWaitsItsShare() {
        assertThat(throttle.reserve(100)).isZero();
        assertThat(throttle.reserve(100)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
    }

    @Test
    void twoBulkReplaysBatchesInterleavedTakeAsLongAsOneReplayOfThemAll() {
        long lastWait = 0;
        for (int round = 0; round < 10; round++) {
            throttle.reserve(100);               // one bulk replay
            lastWait = throttle.reserve(100);    // the other, at the same time
        }
        // 2,000 records at 200 a second: the last batch starts after 1,900 records' time, 9.5 s.
        assertThat(lastWait).isEqualTo(TimeUnit.MILLISECONDS.toNanos(9_500));
    }

    @Test
    void timeNotUsedIsNotSavedUp() {
        throttle.reserve(100);
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));

        assertThat(throttle.reserve(100)).isZero();
        assertThat(throttle.reserve(100)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
    }
}
