package io.comanda.orders.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.comanda.events.Money;
import io.comanda.events.PaymentFailed;
import io.comanda.events.PaymentOutcome;
import io.comanda.events.PaymentSucceeded;

import java.time.Instant;
import java.util.UUID;

/**
 * An order's payment as payments-service reports it.
 *
 * @param status         {@code charged} or {@code declined}
 * @param amount         in the currency's minor unit
 * @param outcomeEventId the {@code ce_id} of the outcome event that announced (or will announce) it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentState(UUID orderId, String status, UUID paymentId, String customerId, long amount,
                           String currency, String providerReference, String declineCode, String declineReason,
                           UUID outcomeEventId, Instant recordedAt) {

    static final String CHARGED = "charged";
    static final String DECLINED = "declined";

    /**
     * The outcome event this state stands for, so the order settles exactly as the event would settle it.
     *
     * @throws IllegalStateException when the status is neither charged nor declined
     */
    public PaymentOutcome outcome() {
        Money money = Money.of(amount, currency);
        return switch (status) {
            case CHARGED -> new PaymentSucceeded(paymentId, orderId, customerId, money, providerReference, recordedAt);
            case DECLINED -> new PaymentFailed(paymentId, orderId, customerId, money, declineCode, declineReason,
                    recordedAt);
            default -> throw new IllegalStateException("payment of order " + orderId + " is " + status);
        };
    }
}
