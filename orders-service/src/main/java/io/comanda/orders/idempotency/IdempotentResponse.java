package io.comanda.orders.idempotency;

/**
 * The response to a request made under an Idempotency-Key.
 *
 * @param response the response to send
 * @param replayed whether it is a stored response given again
 */
public record IdempotentResponse(StoredResponse response, boolean replayed) {
}
