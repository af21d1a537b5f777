package io.comanda.payments.gateway;

import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import io.comanda.payments.domain.ChargeResult;
import io.comanda.payments.domain.ProviderRejectedException;

import java.util.Optional;

/**
 * What a PaymentIntent's status means for the order, as Stripe documents the statuses of an
 * off-session, server-side confirmation: {@code succeeded} is money taken; {@code requires_payment_method}
 * and {@code canceled} are declines with the last payment error's code; {@code processing} is not final yet.
 */
final class PaymentIntentResults {

    /** Stripe's decline code for a payment the bank wants the customer to authenticate. */
    static final String AUTHENTICATION_REQUIRED = "authentication_required";

    private PaymentIntentResults() {
    }

    /**
     * @return the charge's result, or empty while the PaymentIntent is {@code processing}
     * @throws ProviderRejectedException for a status an off-session confirmation cannot reach
     */
    static Optional<ChargeResult> of(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded" -> Optional.of(new ChargeResult.Charged(intent.getId()));
            case "processing" -> Optional.empty();
            case "requires_payment_method", "canceled" -> Optional.of(declined(intent));
            // Off-session Stripe declines instead of asking for authentication; should a bank still ask,
            // nobody is there to answer, which is the same decline.
            case "requires_action" -> Optional.of(new ChargeResult.Declined(AUTHENTICATION_REQUIRED,
                    "The bank asks the customer to authenticate this payment, which cannot be done without them."));
            // Never confirmed, so no money moved: the order ends as for a decline rather than waiting for nobody.
            case "requires_confirmation" -> Optional.of(new ChargeResult.Declined("payment_not_confirmed",
                    "The payment was never confirmed, so nothing was charged."));
            default -> throw new ProviderRejectedException("PaymentIntent " + intent.getId() + " ended "
                    + intent.getStatus() + ", which a server-side confirmation should not reach", null);
        };
    }

    private static ChargeResult.Declined declined(PaymentIntent intent) {
        StripeError error = intent.getLastPaymentError();
        String code = error == null ? null : error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode();
        if (code == null) {
            code = intent.getCancellationReason() != null ? intent.getCancellationReason() : intent.getStatus();
        }
        String message = error != null && error.getMessage() != null ? error.getMessage()
                : "The payment was not completed (" + intent.getStatus() + ").";
        return new ChargeResult.Declined(code, message);
    }
}
