package io.comanda.payments.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * What payments-service knows of an order's payment: enough for orders-service to settle the order as
 * the outcome event would have, under the event's own id.
 *
 * @param paymentId         the payment
 * @param orderId           the order it was for
 * @param customerId        the customer
 * @param amount            the amount charged or refused, in the currency's minor unit
 * @param currency          ISO-4217 code
 * @param status            how the charge ended
 * @param providerReference the provider's id of the charge; null when declined
 * @param declineCode       the provider's decline code; null when charged
 * @param declineReason     the decline as a sentence; null when charged
 * @param outcomeEventId    the {@code ce_id} of the outcome event announcing the payment
 * @param recordedAt        when the payment was recorded
 * @param refundReference   the provider's id of the refund, when the order was cancelled after it was charged
 * @param refundedAt        when the refund was recorded, or null
 */
public record PaymentState(UUID paymentId, UUID orderId, String customerId, long amount, String currency,
                           PaymentStatus status, String providerReference, String declineCode, String declineReason,
                           UUID outcomeEventId, Instant recordedAt, String refundReference, Instant refundedAt) {

    /**
     * The stand-in id of the outcome event of a payment whose event id was never recorded (a payment
     * older than the column and whose outbox row is gone): name-based, so every reader gets the same one
     * and settles at most once under it.
     */
    public static UUID standInOutcomeEventId(UUID paymentId) {
        return UUID.nameUUIDFromBytes(("comanda:payment-outcome:" + paymentId).getBytes(StandardCharsets.UTF_8));
    }
}
