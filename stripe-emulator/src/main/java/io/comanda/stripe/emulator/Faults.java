package io.comanda.stripe.emulator;

import java.util.Random;

/**
 * Injected trouble, for fault tests: added latency, a scripted number of transient failures, and a
 * rate of them. A 429 refuses the request before it executes, as Stripe's rate limiter does: nothing is
 * stored for its idempotency key, so a retry with the same key can succeed. A 500 fails the request once
 * it executes: a create stores it under its key and replays it, as Stripe does, until the key expires.
 *
 * <p>A test that must not depend on luck scripts its failures ({@link #failNext(int)}) or seeds the
 * rate ({@link #set(long, double, Long)}), so each run sees the same answers in the same order.
 */
public final class Faults {

    private volatile long latencyMillis;
    private double transientFailureRate;
    private Long seed;
    private Random random = new Random();
    private int scriptedFailuresLeft;
    private int scriptedFailuresServed;

    public long latencyMillis() {
        return latencyMillis;
    }

    public synchronized double transientFailureRate() {
        return transientFailureRate;
    }

    /** The seed of the failure rate's choices, or null when they are unseeded. */
    public synchronized Long seed() {
        return seed;
    }

    /** How many of the scripted failures are still to be answered. */
    public synchronized int scriptedFailuresLeft() {
        return scriptedFailuresLeft;
    }

    /** The same as {@link #set(long, double, Long)} with unseeded choices. */
    public void set(long latencyMillis, double transientFailureRate) {
        set(latencyMillis, transientFailureRate, null);
    }

    /**
     * Replaces latency and failure rate, and cancels scripted failures still to come.
     *
     * @param latencyMillis        added to every API answer
     * @param transientFailureRate from 0 to 1: the share of API requests answered 500 or 429
     * @param seed                 makes which requests fail, and how, the same on every run; null for unseeded
     */
    public synchronized void set(long latencyMillis, double transientFailureRate, Long seed) {
        if (latencyMillis < 0 || transientFailureRate < 0 || transientFailureRate > 1) {
            throw new IllegalArgumentException("latency >= 0 and 0 <= failure rate <= 1");
        }
        this.latencyMillis = latencyMillis;
        this.transientFailureRate = transientFailureRate;
        this.seed = seed;
        this.random = seed == null ? new Random() : new Random(seed);
        this.scriptedFailuresLeft = 0;
        this.scriptedFailuresServed = 0;
    }

    /**
     * Answers the next {@code requests} API requests with transient failures, alternately 500 and 429
     * (starting with 500), before the failure rate applies again.
     */
    public synchronized void failNext(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("failNext must not be negative: " + requests);
        }
        scriptedFailuresLeft = requests;
        scriptedFailuresServed = 0;
    }

    /** The status of an injected failure for this request, or 0 for none. */
    synchronized int nextFailureStatus() {
        if (scriptedFailuresLeft > 0) {
            scriptedFailuresLeft--;
            return scriptedFailuresServed++ % 2 == 0 ? 500 : 429;
        }
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
