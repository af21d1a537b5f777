package io.comanda.payments.domain;

import java.util.List;

/**
 * What paying a batch of placed orders left undone: every delivery not named here is paid, declined, was
 * already settled, or is an unresolved charge its background resolution now owns.
 *
 * @param refused   orders the provider refused for good, to be dead-lettered
 * @param retryable orders whose charge failed in a way retrying may mend
 */
public record PaymentBatchResult(List<UnpaidOrder> refused, List<UnpaidOrder> retryable) {

    /** Every delivery paid, declined, settled already or left to its background resolution. */
    public static final PaymentBatchResult NOTHING_LEFT = new PaymentBatchResult(List.of(), List.of());

    public PaymentBatchResult {
        refused = List.copyOf(refused);
        retryable = List.copyOf(retryable);
    }
}
