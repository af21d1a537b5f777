package io.comanda.stripe.emulator;

import java.util.Map;
import java.util.Optional;

/**
 * Stripe's test payment methods that Comanda's flows use, and what confirming a PaymentIntent with
 * each one does. {@code pm_card_processing} is the emulator's own: Stripe has no card that stays in
 * {@code processing}, but a real account meets that status, and a client must poll it to an end.
 */
final class TestPaymentMethods {

    /** What confirming with a payment method does. */
    enum Behaviour {
        /** The charge succeeds at once. */
        SUCCEEDS,
        /** The card is declined with the outcome's decline code. */
        DECLINES,
        /**
         * The bank asks for authentication (3D Secure): off-session that is the decline
         * {@code authentication_required}; on-session the PaymentIntent waits in {@code requires_action}.
         */
        REQUIRES_AUTHENTICATION,
        /** The PaymentIntent answers {@code processing}, and succeeds once the processing time is over. */
        PROCESSES
    }

    /**
     * What confirming a payment with one test payment method does.
     *
     * @param behaviour   what confirming does
     * @param declineCode the decline code, for {@link Behaviour#DECLINES} only
     * @param message     the card_error message Stripe gives for the decline
     */
    record ScriptedCharge(Behaviour behaviour, String declineCode, String message) {

        static ScriptedCharge succeeds() {
            return new ScriptedCharge(Behaviour.SUCCEEDS, null, null);
        }

        static ScriptedCharge declines(String declineCode, String message) {
            return new ScriptedCharge(Behaviour.DECLINES, declineCode, message);
        }
    }

    /** The code, decline code and message Stripe answers for an off-session payment that needs authentication. */
    static final String AUTHENTICATION_REQUIRED = "authentication_required";
    static final String AUTHENTICATION_REQUIRED_MESSAGE =
            "Your card was declined. This transaction requires authentication.";

    private static final Map<String, ScriptedCharge> OUTCOMES = Map.of(
            "pm_card_visa", ScriptedCharge.succeeds(),
            "pm_card_mastercard", ScriptedCharge.succeeds(),
            "pm_card_chargeDeclined", ScriptedCharge.declines("generic_decline", "Your card was declined."),
            "pm_card_chargeDeclinedInsufficientFunds", ScriptedCharge.declines("insufficient_funds", "Your card has insufficient funds."),
            "pm_card_chargeDeclinedExpiredCard", ScriptedCharge.declines("expired_card", "Your card has expired."),
            "pm_card_authenticationRequired", new ScriptedCharge(Behaviour.REQUIRES_AUTHENTICATION, AUTHENTICATION_REQUIRED,
                    AUTHENTICATION_REQUIRED_MESSAGE),
            "pm_card_processing", new ScriptedCharge(Behaviour.PROCESSES, null, null));

    private TestPaymentMethods() {
    }

    static Optional<ScriptedCharge> of(String paymentMethod) {
        return Optional.ofNullable(OUTCOMES.get(paymentMethod));
    }
}
