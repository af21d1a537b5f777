package io.comanda.payments.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An order's charge at the provider, as recorded before the provider is called: the idempotency key it
 * goes under, when that key's window began, and whether its last answer left the charge unresolved.
 *
 * <p>A second charge is never made while the first may have happened or may still happen. Within its
 * window a key answers for its charge: asking again under it returns the first request's stored answer
 * (or a 409 while that request still runs), so a timeout or a dropped connection is asked again under the
 * same key. A key stops answering when its stored answer says nothing (a 500 stored once the request
 * began executing) or when the provider may have forgotten it (past the window); then only a consistent
 * look-up of the order's PaymentIntents tells, and a new key generation ({@code <key>/2}, {@code /3}, ...)
 * charges only when it finds none. No request goes out under a key in the last
 * {@link KeyWindows#requestExecutionLimit()} of its window, so that once the window is over nothing under
 * it can still be executing.
 *
 * <p>The first key's window begins when the order was placed ({@link #windowStart}), a time carried in the
 * event, which a restored database cannot lose; a later generation's when it was first used.
 *
 * @param orderId         the order
 * @param idempotencyKey  the key of the current generation
 * @param keyFirstUsedAt  when the current key was first used: no PaymentIntent of it is older
 * @param unresolved      why the last answer left the charge open, or null when it was definite
 * @param unresolvedSince since when it is unresolved, or null
 */
public record ChargeAttempt(UUID orderId, String idempotencyKey, Instant keyFirstUsedAt, Unresolved unresolved,
                            Instant unresolvedSince) {

    private static final char GENERATION = '/';

    /** Why a charge is unresolved. */
    public enum Unresolved {
        /** No answer yet (a timeout, a dropped connection, a 409): the key answers once its request is done. */
        AWAITING_ANSWER,
        /** The key's stored answer says nothing (a stored 500): only a consistent look-up tells. */
        KEY_CANNOT_TELL
    }

    /** What charging the order takes next. */
    public enum Step {
        /** Charge under the current key: the provider dedupes it, or answers what it stored. */
        CHARGE_UNDER_KEY,
        /** Look the order's PaymentIntents up (consistently); charge under the next key only when there is none. */
        LOOK_UP,
        /** The key is near the end of its window: nothing goes out under it; look up once the window is over. */
        WAIT
    }

    public ChargeAttempt {
        Objects.requireNonNull(orderId);
        Objects.requireNonNull(idempotencyKey);
        Objects.requireNonNull(keyFirstUsedAt);
        if ((unresolved == null) != (unresolvedSince == null)) {
            throw new IllegalArgumentException("an unresolved charge says since when, a resolved one does not");
        }
    }

    /** The attempt of an order never charged before, its key first used {@code now}. */
    public static ChargeAttempt first(UUID orderId, Instant now) {
        return new ChargeAttempt(orderId, ChargeRequest.firstIdempotencyKey(orderId), now, null, null);
    }

    /**
     * @param placedAt when the order was placed: the first key's window begins then, however late the key
     *                 was first used (or recorded again, after a restore that lost the attempt)
     */
    public Step next(Instant now, KeyWindows windows, Instant placedAt) {
        Instant windowEnd = windowEnd(windows, placedAt);
        if (!windowEnd.isAfter(now) || unresolved == Unresolved.KEY_CANNOT_TELL) {
            return Step.LOOK_UP;
        }
        return windowEnd.minus(windows.requestExecutionLimit()).isAfter(now) ? Step.CHARGE_UNDER_KEY : Step.WAIT;
    }

    /** When the current key's window began: when the order was placed for the first key. */
    public Instant windowStart(Instant placedAt) {
        return idempotencyKey.indexOf(GENERATION) < 0 && placedAt.isBefore(keyFirstUsedAt) ? placedAt : keyFirstUsedAt;
    }

    /** When the current key's window ends, and {@link Step#WAIT} is over. */
    public Instant windowEnd(KeyWindows windows, Instant placedAt) {
        return windowStart(placedAt).plus(windows.idempotencyKeyWindow());
    }

    /**
     * The next key generation, its window beginning {@code now}. Derived from the current key alone, so a
     * crash before it is recorded leads the next try to the same key, which the provider then dedupes.
     */
    public ChargeAttempt nextGeneration(Instant now) {
        int slash = idempotencyKey.lastIndexOf(GENERATION);
        String base = slash < 0 ? idempotencyKey : idempotencyKey.substring(0, slash);
        int generation = slash < 0 ? 1 : Integer.parseInt(idempotencyKey.substring(slash + 1));
        return new ChargeAttempt(orderId, base + GENERATION + (generation + 1), now, null, null);
    }

    /**
     * After an answer that left the charge open. The first such answer's time stands, so that replays
     * cannot hide how long the order has waited; a key that cannot tell stays so.
     */
    public ChargeAttempt unresolved(Unresolved why, Instant now) {
        Unresolved kept = unresolved == Unresolved.KEY_CANNOT_TELL ? unresolved : why;
        return new ChargeAttempt(orderId, idempotencyKey, keyFirstUsedAt, kept,
                unresolvedSince != null ? unresolvedSince : now);
    }

    /** After a definite answer about the order's charge. */
    public ChargeAttempt resolved() {
        return unresolved == null ? this : new ChargeAttempt(orderId, idempotencyKey, keyFirstUsedAt, null, null);
    }

    public boolean isUnresolved() {
        return unresolved != null;
    }
}
