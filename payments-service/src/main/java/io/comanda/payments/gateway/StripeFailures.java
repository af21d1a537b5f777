package io.comanda.payments.gateway;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import io.comanda.payments.domain.ChargeResult;
import io.comanda.payments.domain.ProviderOutcomeUnknownException;
import io.comanda.payments.domain.ProviderRejectedException;
import io.comanda.payments.domain.ProviderUnavailableException;
import io.comanda.platform.messaging.DependencyUnusableException;

/**
 * What a failed Stripe charge means for the order: a decline is a result the customer sees, a
 * transient failure is retried ({@link ProviderUnavailableException}; a 5xx or a timeout, which may have
 * charged, as {@link ProviderOutcomeUnknownException}; a 409 for a key in flight as plainly transient), a
 * refused request is for an operator ({@link ProviderRejectedException}), and so is a refused key or API
 * version, which refuses every charge alike: the consumer pauses until Stripe accepts us again
 * ({@link DependencyUnusableException}, {@link StripeProbe}).
 */
final class StripeFailures {

    private StripeFailures() {
    }

    /** Whether Stripe answered that the payment cannot be made: a business outcome, not an error. */
    static boolean isDecline(Throwable failure) {
        return failure instanceof CardException || isMissingPaymentMethod(failure);
    }

    /**
     * @return the decline Stripe answered
     * @throws ProviderUnavailableException when retrying may succeed
     * @throws ProviderRejectedException    when Stripe refuses the request itself
     */
    static ChargeResult.Declined declineOrThrow(StripeException failure) {
        if (failure instanceof CardException card) {
            return new ChargeResult.Declined(card.getDeclineCode() != null ? card.getDeclineCode() : card.getCode(),
                    card.getStripeError() != null ? card.getStripeError().getMessage() : "The card was declined.");
        }
        if (isMissingPaymentMethod(failure)) {
            return new ChargeResult.Declined("invalid_payment_method", "The payment method does not exist.");
        }
        // 401 (a wrong or revoked key) and 403 (PermissionException, which extends it: a restricted key).
        if (failure instanceof AuthenticationException) {
            // No status when the SDK refuses the key itself, e.g. a blank one.
            String status = failure.getStatusCode() != null && failure.getStatusCode() > 0
                    ? " (" + failure.getStatusCode() + ")" : "";
            throw new DependencyUnusableException(StripeProbe.DEPENDENCY, "Stripe refuses our secret key" + status
                    + ": " + message(failure), failure);
        }
        if (isUnknownApiVersion(failure)) {
            throw new DependencyUnusableException(StripeProbe.DEPENDENCY, "Stripe does not know our API version: "
                    + message(failure), failure);
        }
        // Before InvalidRequestException, which it extends.
        if (failure instanceof RateLimitException) {
            throw new ProviderUnavailableException("Stripe is rate limiting: " + failure.getMessage(), failure);
        }
        if (failure instanceof InvalidRequestException) {
            throw new ProviderRejectedException("Stripe refused the request: " + failure.getMessage(), failure);
        }
        // A timeout or a 5xx may have charged, and Stripe stores a 500 for the key: indeterminate.
        if (failure instanceof ApiConnectionException || isServerError(failure)) {
            throw new ProviderOutcomeUnknownException("Stripe is unavailable: " + failure.getMessage(), failure);
        }
        // E.g. 409 idempotency_error: another request with the key is in flight, nothing ran for this one.
        if (failure instanceof ApiException || failure instanceof IdempotencyException && isConflict(failure)) {
            throw new ProviderUnavailableException("Stripe is unavailable: " + failure.getMessage(), failure);
        }
        throw new ProviderRejectedException("Stripe refused the request: " + failure.getMessage(), failure);
    }

    private static boolean isServerError(StripeException failure) {
        return failure.getStatusCode() != null && failure.getStatusCode() >= 500;
    }

    private static boolean isConflict(StripeException failure) {
        return failure.getStatusCode() != null && failure.getStatusCode() == 409;
    }

    /** Stripe answers 400 "Invalid Stripe API version: ..." to a {@code Stripe-Version} it does not know. */
    private static boolean isUnknownApiVersion(StripeException failure) {
        return failure instanceof InvalidRequestException && !(failure instanceof RateLimitException)
                && message(failure).contains("API version");
    }

    /** Stripe's own message, without the request id the SDK appends. */
    private static String message(StripeException failure) {
        String message = failure.getStripeError() != null ? failure.getStripeError().getMessage() : null;
        return message != null ? message : String.valueOf(failure.getMessage());
    }

    private static boolean isMissingPaymentMethod(Throwable failure) {
        return failure instanceof InvalidRequestException invalid && !(failure instanceof RateLimitException)
                && "resource_missing".equals(invalid.getCode()) && "payment_method".equals(invalid.getParam());
    }
}
