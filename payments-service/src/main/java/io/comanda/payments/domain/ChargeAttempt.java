package io.comanda.payments.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An order's charge at the provider, as recorded before the provider is called: the idempotency key it
 * goes under, when that key was first used, and since when its last answer left open whether money
 * moved. A key is trusted to answer for the order's charge only within the provider's idempotency
 * window, and only while its last answer was definite (Stripe stores a 500 and replays it for the key);
 * beyond that the order's PaymentIntent is searched for first, and a new key generation
 * ({@code <key>/2}, {@code <key>/3}, ...) charges only when none is found.
 *
 * @param orderId            the order
 * @param idempotencyKey     the key of the current generation
 * @param keyFirstUsedAt     when the current key was first used
 * @param indeterminateSince when the current key first answered indeterminately, or null
 */
public record ChargeAttempt(UUID orderId, String idempotencyKey, Instant keyFirstUsedAt, Instant indeterminateSince) {

    private static final char GENERATION = '/';

    /** What charging the order takes next. */
    public enum Step {
        /** Charge under the current key: the provider dedupes it, or answers what it stored. */
        CHARGE_UNDER_KEY,
        /** Look the order's PaymentIntent up first; charge under the next key only when there is none. */
        SEARCH_FIRST,
        /** The key can no longer answer and the search may not show yet what it did: try again later. */
        WAIT_FOR_SEARCH
    }

    public ChargeAttempt {
        Objects.requireNonNull(orderId);
        Objects.requireNonNull(idempotencyKey);
        Objects.requireNonNull(keyFirstUsedAt);
    }

    /** The attempt of an order never charged before. */
    public static ChargeAttempt first(UUID orderId, Instant now) {
        return new ChargeAttempt(orderId, ChargeRequest.firstIdempotencyKey(orderId), now, null);
    }

    public Step next(Instant now, KeyWindows windows) {
        Instant windowEnd = keyFirstUsedAt.plus(windows.idempotencyKeyWindow());
        boolean keyForgotten = !windowEnd.isAfter(now);
        // A charge made under the key in its last moments might not show in a search yet once the key is
        // forgotten (a crash before its row, a retry just past the window): no charge that close to the end.
        if (!keyForgotten && !windowEnd.minus(windows.searchConsistency()).isAfter(now)) {
            return Step.WAIT_FOR_SEARCH;
        }
        boolean searchShowsAll = indeterminateSince == null
                || !indeterminateSince.plus(windows.searchConsistency()).isAfter(now);
        if (!searchShowsAll) {
            return keyForgotten ? Step.WAIT_FOR_SEARCH : Step.CHARGE_UNDER_KEY;
        }
        return keyForgotten || indeterminateSince != null ? Step.SEARCH_FIRST : Step.CHARGE_UNDER_KEY;
    }

    /**
     * The next key generation, first used {@code now}. Derived from the current key alone, so a crash
     * before it is recorded leads the next try to the same key, which the provider then dedupes.
     */
    public ChargeAttempt nextGeneration(Instant now) {
        int slash = idempotencyKey.lastIndexOf(GENERATION);
        String base = slash < 0 ? idempotencyKey : idempotencyKey.substring(0, slash);
        int generation = slash < 0 ? 1 : Integer.parseInt(idempotencyKey.substring(slash + 1));
        return new ChargeAttempt(orderId, base + GENERATION + (generation + 1), now, null);
    }

    /** After an indeterminate answer: the first one's time stands, so replays cannot put the search off. */
    public ChargeAttempt indeterminate(Instant now) {
        return indeterminateSince != null ? this : new ChargeAttempt(orderId, idempotencyKey, keyFirstUsedAt, now);
    }

    /** After a definite answer about the order's charge. */
    public ChargeAttempt definite() {
        return indeterminateSince == null ? this : new ChargeAttempt(orderId, idempotencyKey, keyFirstUsedAt, null);
    }
}
