package io.comanda.devstack.load;

import java.time.Instant;

/**
 * One order the load driver placed, as its client saw it.
 *
 * @param idempotencyKey the key every attempt of it carried
 * @param paymentMethod  the Stripe test payment method it was paid with
 * @param firstAttemptAt when the client first sent it
 * @param orderId        the order id of the first 201; null when it was never accepted
 * @param acceptedAt     when the first 201 came; null when it was never accepted
 * @param attempts       how many times the client sent it
 * @param replays        201 answers replayed under the key (a retry of a request that had been carried out)
 * @param otherOrderIds  order ids of later 201s that differ from {@code orderId}: a key placing two orders
 * @param refusal        the answer that made the client give up (a 4xx other than 409, or its deadline); null if accepted
 */
public record PlacedOrder(String idempotencyKey, String paymentMethod, Instant firstAttemptAt, String orderId,
                   Instant acceptedAt, int attempts, int replays, int otherOrderIds, String refusal) {

    public boolean accepted() {
        return orderId != null;
    }
}
