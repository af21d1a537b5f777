package io.comanda.orders.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a payment outcome for an order this service does not see is retried before it is parked,
 * measured from its first attempt: long enough for an order committed a moment ago to become visible,
 * short enough that an outcome for an order that never existed reaches an operator soon.
 *
 * @param budget how long after its first attempt an outcome is still retried
 */
public record UnknownOrderWait(Duration budget) {

    public UnknownOrderWait {
        if (budget.isNegative()) {
            throw new IllegalArgumentException("a negative wait: " + budget);
        }
    }

    /**
     * The failure to conclude {@code unknown} with: itself (transient, retried) while the budget lasts,
     * an {@link OrderNeverAppearedException} (parked at once) once it has run out.
     *
     * @param firstAttempt when the outcome was first tried
     */
    public RuntimeException judge(UnknownOrderException unknown, Instant firstAttempt, Instant now) {
        Duration waited = Duration.between(firstAttempt, now);
        return waited.compareTo(budget) < 0 ? unknown : new OrderNeverAppearedException(unknown, budget);
    }
}
