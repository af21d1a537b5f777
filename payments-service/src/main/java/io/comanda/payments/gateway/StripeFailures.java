package io.comanda.payments.gateway;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import io.comanda.payments.domain.ChargeAttempt.Unresolved;
import io.comanda.payments.domain.ChargeResult;
import io.comanda.payments.domain.ChargeUnresolvedException;
import io.comanda.payments.domain.ProviderRejectedException;
import io.comanda.payments.domain.ProviderUnavailableException;
import io.comanda.platform.messaging.DependencyUnusableException;

import java.net.ConnectException;
import java.net.UnknownHostException;

/**
 * What a failed Stripe charge means for the order:
 * <ul>
 *   <li>a decline is a result the customer sees, and so is a request Stripe refuses for good (a 400 about
 *       the customer's payment method or the order): the order ends cancelled with Stripe's sentence;</li>
 *   <li>an answer that leaves open whether it charged is unresolved ({@link ChargeUnresolvedException}):
 *       no answer (a timeout, a dropped connection, a 409 while the key's first request runs) is asked again
 *       under the same key; a 5xx, which Stripe stores under the key, or a 400 {@code idempotency_error}
 *       (the key's first request had other parameters) makes the key unable to tell;</li>
 *   <li>a request refused before it ran (429, no connection made) is plainly transient
 *       ({@link ProviderUnavailableException});</li>
 *   <li>a refused key or API version refuses every charge alike: the consumer pauses until Stripe accepts
 *       us again ({@link DependencyUnusableException}, {@link StripeProbe}).</li>
 * </ul>
 */
final class StripeFailures {

    private StripeFailures() {
    }

    /** Whether Stripe answered that the payment cannot be made: a business outcome, not an error. */
    static boolean isDecline(Throwable failure) {
        return failure instanceof CardException || isMissingPaymentMethod(failure);
    }

    /**
     * @return the decline Stripe answered, or the refusal for good that ends the order as one
     * @throws ChargeUnresolvedException    when the answer leaves open whether it charged
     * @throws ProviderUnavailableException when the request was refused before it ran
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
        // Before InvalidRequestException, which it extends: refused before it ran, nothing stored.
        if (failure instanceof RateLimitException) {
            throw new ProviderUnavailableException("Stripe is rate limiting: " + failure.getMessage(), failure);
        }
        // A 409 idempotency_error, which the SDK makes an ApiException: the key's first request still runs.
        if (isConflict(failure)) {
            throw unresolved(Unresolved.AWAITING_ANSWER, "Stripe is still executing the key's first request", failure);
        }
        if (failure instanceof IdempotencyException) {
            throw unresolved(Unresolved.KEY_CANNOT_TELL, "The key's first request had other parameters", failure);
        }
        if (failure instanceof InvalidRequestException) {
            return refusedForGood(failure);
        }
        if (failure instanceof ApiConnectionException && isNoConnection(failure)) {
            throw new ProviderUnavailableException("Stripe cannot be reached: " + failure.getMessage(), failure);
        }
        if (failure instanceof ApiConnectionException) {
            throw unresolved(Unresolved.AWAITING_ANSWER, "Stripe did not answer", failure);
        }
        // Stripe stores a 500 under the key; a 502, 503 or 504 may come from a proxy before Stripe, with the
        // request still running: asked again under the key, Stripe answers the truth, a 409 or its stored 500.
        if (isStatus(failure, 500) || failure instanceof ApiException && !isServerError(failure)) {
            throw unresolved(Unresolved.KEY_CANNOT_TELL, "Stripe failed once the request ran", failure);
        }
        if (isServerError(failure)) {
            throw unresolved(Unresolved.AWAITING_ANSWER, "Stripe's edge failed", failure);
        }
        throw new ProviderRejectedException("Stripe refused the request: " + failure.getMessage(), failure);
    }

    private static ChargeResult.Declined refusedForGood(StripeException failure) {
        String code = failure.getCode() != null ? failure.getCode() : "invalid_request";
        return new ChargeResult.Declined(code, "The payment could not be made: " + message(failure));
    }

    private static ChargeUnresolvedException unresolved(Unresolved why, String what, StripeException failure) {
        return new ChargeUnresolvedException(why, what + ", so whether it charged is not known yet: "
                + failure.getMessage(), failure);
    }

    /** A connection never made sent nothing; a timeout or a reset may have left the request running. */
    private static boolean isNoConnection(StripeException failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStatus(StripeException failure, int status) {
        return failure.getStatusCode() != null && failure.getStatusCode() == status;
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
