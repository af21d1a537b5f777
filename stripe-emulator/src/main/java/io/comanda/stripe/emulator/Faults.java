package io.comanda.stripe.emulator;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Injected trouble, for fault tests: added latency, and a rate of transient 500/429 answers. Faults
 * happen in front of Stripe's idempotency layer, as an overloaded edge would: they are not stored as
 * the key's result, so a retry with the same key can succeed.
 */
public final class Faults {

    private volatile long latencyMillis;
    private volatile double transientFailureRate;

    public long latencyMillis() {
        return latencyMillis;
    }

    public double transientFailureRate() {
        return transientFailureRate;
    }

    /**
     * @param latencyMillis        added to every API answer
     * @param transientFailureRate from 0 to 1: the share of API requests answered 500 or 429
     */
    public void set(long latencyMillis, double transientFailureRate) {
        if (latencyMillis < 0 || transientFailureRate < 0 || transientFailureRate > 1) {
            throw new IllegalArgumentException("latency >= 0 and 0 <= failure rate <= 1");
        }
        this.latencyMillis = latencyMillis;
        this.transientFailureRate = transientFailureRate;
    }

    /** The status of an injected failure for this request, or 0 for none. */
    int nextFailureStatus() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextDouble() >= transientFailureRate) {
            return 0;
        }
        return random.nextBoolean() ? 500 : 429;
    }

    void delay() {
        long millis = latencyMillis;
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
