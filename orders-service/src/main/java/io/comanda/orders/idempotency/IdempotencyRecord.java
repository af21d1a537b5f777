package io.comanda.orders.idempotency;

/**
 * What was remembered of the first request with a key.
 *
 * @param requestHash the fingerprint of that request, to tell a retry from a different request
 * @param response    the response it got
 */
public record IdempotencyRecord(String requestHash, StoredResponse response) {

    public boolean matches(String otherRequestHash) {
        return requestHash.equals(otherRequestHash);
    }
}
