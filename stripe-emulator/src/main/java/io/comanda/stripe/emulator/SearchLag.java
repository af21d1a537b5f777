package io.comanda.stripe.emulator;

import java.time.Duration;

/**
 * How long after its creation a PaymentIntent appears in search results: a minute by default, Stripe's
 * usual lag (it documents up to an hour in an outage). Tests that need search at once set 0.
 */
public final class SearchLag {

    /** The search lag of a fresh emulator. */
    public static final Duration DEFAULT = Duration.ofMinutes(1);

    private volatile Duration lag = DEFAULT;
    private volatile Duration initial = DEFAULT;

    public Duration get() {
        return lag;
    }

    public void set(Duration lag) {
        if (lag.isNegative()) {
            throw new IllegalArgumentException("the search lag must not be negative: " + lag.toMillis() + " ms");
        }
        this.lag = lag;
    }

    /** The lag the emulator started with, which fault settings without one go back to. */
    public Duration initial() {
        return initial;
    }

    /** Sets the lag, now and as the one fault settings without a lag go back to. */
    void setInitial(Duration lag) {
        set(lag);
        initial = lag;
    }
}
