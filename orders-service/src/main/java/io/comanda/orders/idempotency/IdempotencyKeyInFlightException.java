package io.comanda.orders.idempotency;

/** A request with the same key is still being processed: a retry shortly after gets its result. */
public final class IdempotencyKeyInFlightException extends IdempotencyKeyRefusedException {

    IdempotencyKeyInFlightException() {
        super("A request with this Idempotency-Key is still being processed; retry shortly "
                + "with the same key to get its result.");
    }
}
