package io.comanda.orders.idempotency;

/**
 * The response first given to a request with an idempotency key, replayed to its retries.
 *
 * @param status   the HTTP status
 * @param body     the JSON body, byte for byte
 * @param location the Location header, or null
 */
public record StoredResponse(int status, String body, String location) {
}
