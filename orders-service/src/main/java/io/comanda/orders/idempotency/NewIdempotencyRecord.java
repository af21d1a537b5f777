package io.comanda.orders.idempotency;

import java.time.Instant;

/**
 * The record of a key's first response, to be stored with the work that produced it.
 *
 * @param key         the idempotency key, scoped to the customer whose work it is
 * @param requestHash the {@link RequestFingerprint} of the request
 * @param response    the response to replay
 * @param createdAt   when it was stored
 * @param expiresAt   until when it replays
 */
public record NewIdempotencyRecord(String key, String requestHash, StoredResponse response, Instant createdAt,
                                   Instant expiresAt) {
}
