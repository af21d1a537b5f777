package io.comanda.orders.idempotency;

/** The request has no Idempotency-Key, or one that is not well formed: the client must send one. */
public final class IdempotencyKeyMissingException extends IdempotencyKeyRefusedException {

    IdempotencyKeyMissingException(String detail) {
        super(detail);
    }
}
