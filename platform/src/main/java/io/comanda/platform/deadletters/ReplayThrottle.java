package io.comanda.platform.deadletters;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The pace of all of a service instance's bulk replays together: at most {@code rate} dead letters a second,
 * however many bulk replays run, so that two requests do not replay twice as fast and starve the consumers'
 * live traffic. Each batch reserves its share of time after those reserved before it.
 */
final class ReplayThrottle {

    private final int rate;
    private final LongSupplier nanoTime;
    private long nextFree;

    ReplayThrottle(int rate, LongSupplier nanoTime) {
        this.rate = Math.max(1, rate);
        this.nanoTime = nanoTime;
        this.nextFree = nanoTime.getAsLong();
    }

    /** @return how long to wait (nanoseconds) before sending {@code count} more records at the shared rate */
    synchronized long reserve(int count) {
        long now = nanoTime.getAsLong();
        long start = Math.max(now, nextFree);
        nextFree = start + TimeUnit.SECONDS.toNanos(count) / rate;
        return start - now;
    }

    /** Waits for the turn of {@code count} more records; an interrupt ends the wait and is kept. */
    void await(int count) {
        long wait = reserve(count);
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
