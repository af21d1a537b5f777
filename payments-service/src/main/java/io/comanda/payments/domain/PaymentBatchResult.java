package io.comanda.payments.domain;

import java.util.List;

/**
 * What paying a batch of placed orders left undone: every delivery not named here is paid, declined or
 * was already settled.
 *
 * @param refused   orders the provider refused for good, to be dead-lettered
 * @param retryable orders whose charge failed in a way retrying may mend
 */
public record PaymentBatchResult(List<UnpaidOrder> refused, List<UnpaidOrder> retryable) {

    public PaymentBatchResult {
        refused = List.copyOf(refused);
        retryable = List.copyOf(retryable);
    }
}
