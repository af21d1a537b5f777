package io.comanda.payments.gateway;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A client-side limit on requests per second, so a backlog drained in parallel does not run into the
 * provider's own limit (Stripe answers 429 beyond about 25 requests/s in test mode, 100/s live): each
 * request takes the next free slot, one every {@code 1/rate} seconds, and its worker waits for it.
 * No bursts are saved up, so the rate is never exceeded in any window longer than a slot.
 */
final class RequestRate {

    private final long intervalNanos;
    private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());

    /** @param perSecond requests a second; zero or less means unlimited */
    RequestRate(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    }

    /** Waits, on the calling worker, for this request's slot. */
    void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        long slot = nextSlot.getAndUpdate(next -> Math.max(next, now) + intervalNanos);
        for (long wait = slot - System.nanoTime(); wait > 0; wait = slot - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }
}
