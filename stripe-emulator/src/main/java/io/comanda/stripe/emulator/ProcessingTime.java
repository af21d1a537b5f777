package io.comanda.stripe.emulator;

import java.time.Duration;

/**
 * How long a PaymentIntent confirmed with {@code pm_card_processing} stays {@code processing} before
 * it succeeds: a few seconds by default, as a slow bank would; tests shorten it to stay fast.
 */
public final class ProcessingTime {

    /** The processing time of a fresh emulator. */
    public static final Duration DEFAULT = Duration.ofSeconds(3);

    private volatile Duration duration = DEFAULT;

    public Duration get() {
        return duration;
    }

    /** Applies to PaymentIntents confirmed from now on; those already processing keep their end. */
    public void set(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("processing time must not be negative: " + duration.toMillis() + " ms");
        }
        this.duration = duration;
    }
}
