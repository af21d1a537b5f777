package io.comanda.orders.idempotency;

/** The key was already used for a different request: a new order needs a new key. */
public final class IdempotencyKeyReusedException extends IdempotencyKeyRefusedException {

    IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used for a different request; use a new key for a new order.");
    }
}
