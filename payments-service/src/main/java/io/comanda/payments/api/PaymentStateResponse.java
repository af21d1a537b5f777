package io.comanda.payments.api;

import io.comanda.payments.domain.PaymentState;
import io.comanda.payments.domain.PaymentStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * An order's payment as {@code GET /payments/{orderId}} answers it.
 *
 * @param status         {@code charged} or {@code declined}; a charge refunded after its order was cancelled
 *                       stays {@code charged}, with {@code refundReference} and {@code refundedAt}
 * @param amount         in the currency's minor unit
 * @param outcomeEventId the {@code ce_id} of the outcome event: settle under it, and the event arriving
 *                       later is a duplicate
 */
public record PaymentStateResponse(UUID orderId, String status, UUID paymentId, String customerId, long amount,
                                   String currency, String providerReference, String declineCode,
                                   String declineReason, UUID outcomeEventId, Instant recordedAt,
                                   String refundReference, Instant refundedAt) {

    public static final String CHARGED = "charged";
    public static final String DECLINED = "declined";

    static PaymentStateResponse of(PaymentState state) {
        return new PaymentStateResponse(state.orderId(), state.status() == PaymentStatus.SUCCEEDED ? CHARGED : DECLINED,
                state.paymentId(), state.customerId(), state.amount(), state.currency(), state.providerReference(),
                state.declineCode(), state.declineReason(), state.outcomeEventId(), state.recordedAt(),
                state.refundReference(), state.refundedAt());
    }
}
