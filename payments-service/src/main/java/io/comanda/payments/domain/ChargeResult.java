package io.comanda.payments.domain;

/** What the provider answered to a charge: money taken, or a decline (a business outcome). */
public sealed interface ChargeResult {

    /** @param providerReference the provider's id of the charge, e.g. a PaymentIntent id */
    record Charged(String providerReference) implements ChargeResult {
    }

    /**
     * @param declineCode the provider's decline code, e.g. {@code insufficient_funds}
     * @param reason      a sentence for the customer
     */
    record Declined(String declineCode, String reason) implements ChargeResult {
    }
}
