package io.comanda.orders.idempotency;

/**
 * Why a request's Idempotency-Key cannot be used now. Plain exceptions: the HTTP layer decides how
 * each is answered.
 */
public abstract sealed class IdempotencyKeyRefusedException extends RuntimeException
        permits IdempotencyKeyMissingException, IdempotencyKeyInFlightException, IdempotencyKeyReusedException {

    IdempotencyKeyRefusedException(String detail) {
        super(detail);
    }
}
