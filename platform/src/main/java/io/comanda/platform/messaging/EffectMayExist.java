package io.comanda.platform.messaging;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * A failure after which an effect that cannot be undone may have happened, e.g. a charge Stripe may have
 * made before the service could record it. A consumer's failure says so by implementing this, itself or
 * through any cause in its chain; the record it parks is then flagged ({@link DeadLetters#EFFECT_MAY_EXIST})
 * and its reason starts with {@link #possibleEffect()}, so an operator never takes it for a plain dead letter,
 * and discarding it is refused until the service has checked or an operator forces it.
 */
public interface EffectMayExist {

    /**
     * What may have happened, as one sentence an operator can act on, e.g. {@code "Stripe may have charged
     * order 42 (12.99 EUR)"}.
     */
    String possibleEffect();

    /** @return the possible effect of the first failure in {@code failure}'s cause chain that has one */
    static Optional<String> in(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable at = failure; at != null && seen.add(at); at = at.getCause()) {
            if (at instanceof EffectMayExist flagged && flagged.possibleEffect() != null
                    && !flagged.possibleEffect().isBlank()) {
                return Optional.of(flagged.possibleEffect());
            }
        }
        return Optional.empty();
    }
}
