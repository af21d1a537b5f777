package io.comanda.stripe.emulator;

import java.util.Map;
import java.util.Optional;

/**
 * Stripe's test payment methods that Comanda's flows use, and what confirming a PaymentIntent with
 * each one does.
 */
final class TestPaymentMethods {

    /**
     * @param declineCode null when the charge succeeds
     * @param message     the card_error message Stripe gives for the decline
     */
    record Outcome(String declineCode, String message) {
        boolean succeeds() {
            return declineCode == null;
        }
    }

    private static final Map<String, Outcome> OUTCOMES = Map.of(
            "pm_card_visa", new Outcome(null, null),
            "pm_card_mastercard", new Outcome(null, null),
            "pm_card_chargeDeclined", new Outcome("generic_decline", "Your card was declined."),
            "pm_card_chargeDeclinedInsufficientFunds", new Outcome("insufficient_funds", "Your card has insufficient funds."),
            "pm_card_chargeDeclinedExpiredCard", new Outcome("expired_card", "Your card has expired."));

    private TestPaymentMethods() {
    }

    static Optional<Outcome> of(String paymentMethod) {
        return Optional.ofNullable(OUTCOMES.get(paymentMethod));
    }
}
