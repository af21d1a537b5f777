package io.comanda.stripe.emulator;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Injected trouble, for fault tests: added latency, a scripted number of transient failures, and a
 * rate of them. A 429 refuses the request before it executes, as Stripe's rate limiter does: nothing is
 * stored for its idempotency key, so a retry with the same key can succeed. A 500 fails the request once
 * it executes: a create stores it under its key and replays it, as Stripe does, until the key expires.
 * Creates meet more ({@link CreateFault}): a script of one fault per create and a rate of ambiguous
 * answers, where the create executed although the answer does not say so. How far search lags behind
 * creates is {@link SearchLag}'s.
 *
 * <p>A test that must not depend on luck scripts its failures ({@link #failNext(int)}, {@link #script(List)})
 * or seeds the rates ({@link #set(long, double, Long)}), so each run sees the same answers in the same order.
 */
public final class Faults {

    private volatile long latencyMillis;
    private double transientFailureRate;
    private Long seed;
    private Random random = new Random();
    private int scriptedFailuresLeft;
    private int scriptedFailuresServed;
    private static final int MAX_AMBIGUOUS_ORDERS = 100_000;

    private final CreateFaults createFaults = new CreateFaults();
    private final Set<String> ambiguousOrders = new LinkedHashSet<>();

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
     * Replaces latency and failure rate, cancels scripted failures still to come, the create script and the
     * ambiguous rate, and counts injected faults from zero again. The hang time stays.
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
        createFaults.clear();
        ambiguousOrders.clear();
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

    /** The status of an injected failure for a read, or 0 for none; counted as injected. */
    synchronized int nextFailureStatus() {
        return switch (createFaults.count(nextTransientFailure())) {
            case REFUSED_500 -> 500;
            case RATE_LIMITED -> 429;
            default -> 0;
        };
    }

    /**
     * The transient failure of a refund: {@code REFUSED_500}, {@code RATE_LIMITED} or {@code NONE}; counted
     * once it takes effect ({@link #countInjected}).
     */
    synchronized CreateFault nextRequestFault() {
        return nextTransientFailure();
    }

    /**
     * The fault of a create, drawn as it arrives: the script's next entry, else a transient failure, else an
     * ambiguous answer; counted once it takes effect ({@link #countInjected}).
     */
    synchronized CreateFault nextCreateFault() {
        return createFaults.nextScripted().orElseGet(() -> {
            CreateFault transientFailure = nextTransientFailure();
            return transientFailure != CreateFault.NONE ? transientFailure : createFaults.drawAmbiguous(random);
        });
    }

    /**
     * Notes the order ({@code metadata[order_id]}) of a create answered ambiguously, so a benchmark can
     * tell the orders that met a fault from those behind them; the last 100,000 are kept.
     */
    synchronized void noteAmbiguousOrder(String orderId) {
        if (orderId != null) {
            if (ambiguousOrders.size() == MAX_AMBIGUOUS_ORDERS) {
                ambiguousOrders.remove(ambiguousOrders.iterator().next());
            }
            ambiguousOrders.add(orderId);
        }
    }

    /** The orders whose create was answered ambiguously since the faults were last set. */
    public synchronized List<String> ambiguousOrders() {
        return List.copyOf(ambiguousOrders);
    }

    /** Counts a fault that took effect: a replay or a 409 ignores the fault it drew. */
    synchronized void countInjected(CreateFault fault) {
        createFaults.count(fault);
    }

    private CreateFault nextTransientFailure() {
        if (scriptedFailuresLeft > 0) {
            scriptedFailuresLeft--;
            return scriptedFailuresServed++ % 2 == 0 ? CreateFault.REFUSED_500 : CreateFault.RATE_LIMITED;
        }
        if (random.nextDouble() >= transientFailureRate) {
            return CreateFault.NONE;
        }
        return random.nextBoolean() ? CreateFault.REFUSED_500 : CreateFault.RATE_LIMITED;
    }

    /** Answers each of the next creates with one entry of {@code faults}, in order, before anything else. */
    public synchronized void script(List<CreateFault> faults) {
        createFaults.script(faults);
    }

    /** The scripted create faults still to come. */
    public synchronized List<CreateFault> script() {
        return createFaults.script();
    }

    /**
     * @param rate  from 0 to 1: the share of creates (after the script) that execute and answer ambiguously,
     *              drawn from the same seeded choices as the transient failure rate
     * @param kinds {@link CreateFault#EXECUTED_THEN_500} and/or {@link CreateFault#EXECUTED_THEN_TIMEOUT}; empty for both
     */
    public synchronized void ambiguousRate(double rate, Set<CreateFault> kinds) {
        createFaults.ambiguousRate(rate, kinds);
    }

    public synchronized double ambiguousRate() {
        return createFaults.ambiguousRate();
    }

    public synchronized List<CreateFault> ambiguousKinds() {
        return createFaults.ambiguousKinds();
    }

    /** How long an {@link CreateFault#EXECUTED_THEN_TIMEOUT} create holds its key and its answer (30 s by default). */
    public synchronized void hang(Duration hang) {
        createFaults.hang(hang);
    }

    public synchronized Duration hang() {
        return createFaults.hang();
    }

    /** Faults that took effect, of each kind, since the settings were last replaced; those of reads count too. */
    public synchronized Map<CreateFault, Long> injected() {
        return createFaults.injected();
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
