package io.comanda.payments.gateway;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import io.comanda.payments.domain.ChargeAttempt.Unresolved;
import io.comanda.payments.domain.ChargeResult;
import io.comanda.payments.domain.ChargeUnresolvedException;
import io.comanda.payments.domain.ProviderUnavailableException;
import io.comanda.platform.messaging.DependencyUnusableException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A refused key or API version pauses payments; other failures keep their meaning. */
class StripeFailuresTest {

    @Test
    void aRefusedSecretKeyMakesStripeUnusableUntilAnOperatorActs() {
        assertThatThrownBy(() -> StripeFailures.declineOrThrow(new AuthenticationException(
                "Invalid API Key provided: sk_test_****ator", "req_1", null, 401)))
                .isInstanceOf(DependencyUnusableException.class)
                .hasMessageContaining("stripe: Stripe refuses our secret key (401): Invalid API Key provided")
                .satisfies(e -> assertThat(((DependencyUnusableException) e).dependency()).isEqualTo("stripe"));
    }

    @Test
    void aKeyWithoutThePermissionMakesStripeUnusable() {
        assertThatThrownBy(() -> StripeFailures.declineOrThrow(new PermissionException(
                "The provided key does not have the required permissions", "req_1", null, 403)))
                .isInstanceOf(DependencyUnusableException.class)
                .hasMessageContaining("(403)");
    }

    @Test
    void anUnknownApiVersionMakesStripeUnusable() {
        assertThatThrownBy(() -> StripeFailures.declineOrThrow(new InvalidRequestException(
                "Invalid Stripe API version: 2099-01-01", null, "req_1", null, 400, null)))
                .isInstanceOf(DependencyUnusableException.class)
                .hasMessageContaining("API version");
    }

    @Test
    void aRequestStripeRefusesForGoodIsADeclineWithStripesSentence() {
        ChargeResult.Declined refused = StripeFailures.declineOrThrow(new InvalidRequestException(
                "Missing required param: amount.", "amount", "req_1", "parameter_missing", 400, null));

        assertThat(refused.declineCode()).isEqualTo("parameter_missing");
        assertThat(refused.reason()).contains("Missing required param: amount.");
    }

    @Test
    void aServerErrorLeavesTheKeyUnableToTellAndSoDoesAKeyFirstUsedWithOtherParameters() {
        assertThatThrownBy(() -> StripeFailures.declineOrThrow(new ApiException(
                "An unknown error occurred", "req_1", null, 500, null)))
                .isInstanceOfSatisfying(ChargeUnresolvedException.class,
                        e -> assertThat(e.why()).isEqualTo(Unresolved.KEY_CANNOT_TELL));
        assertThatThrownBy(() -> StripeFailures.declineOrThrow(new IdempotencyException(
                "Keys for idempotent requests can only be used with the same parameters", "req_1", null, 400)))
                .isInstanceOfSatisfying(ChargeUnresolvedException.class,
                        e -> assertThat(e.why()).isEqualTo(Unresolved.KEY_CANNOT_TELL));
    }

    @Test
    void a503FromStripesEdgeAwaitsTheKeysAnswerSinceTheRequestMayStillRun() {
        assertThatThrownBy(() -> StripeFailures.declineOrThrow(new ApiException(
                "Service unavailable", "req_1", null, 503, null)))
                .isInstanceOfSatisfying(ChargeUnresolvedException.class,
                        e -> assertThat(e.why()).isEqualTo(Unresolved.AWAITING_ANSWER));
    }

    @Test
    void aTimeoutOrAKeyStillInFlightAwaitsTheKeysAnswerAndNoConnectionOrARateLimitIsMerelyTransient() {
        assertThatThrownBy(() -> StripeFailures.declineOrThrow(new ApiConnectionException("Read timed out",
                new SocketTimeoutException("Read timed out"))))
                .isInstanceOfSatisfying(ChargeUnresolvedException.class,
                        e -> assertThat(e.why()).isEqualTo(Unresolved.AWAITING_ANSWER));
        // The SDK makes a 409 idempotency_error an ApiException; an IdempotencyException should it ever change.
        assertThatThrownBy(() -> StripeFailures.declineOrThrow(new ApiException(
                "There is currently another in-progress request using this Idempotent Key", "req_1", null, 409, null)))
                .isInstanceOfSatisfying(ChargeUnresolvedException.class,
                        e -> assertThat(e.why()).isEqualTo(Unresolved.AWAITING_ANSWER));
        assertThatThrownBy(() -> StripeFailures.declineOrThrow(new IdempotencyException(
                "There is currently another in-progress request using this Idempotent Key", "req_1", null, 409)))
                .isInstanceOfSatisfying(ChargeUnresolvedException.class,
                        e -> assertThat(e.why()).isEqualTo(Unresolved.AWAITING_ANSWER));
        assertThatThrownBy(() -> StripeFailures.declineOrThrow(new ApiConnectionException("Connection refused",
                new ConnectException("Connection refused"))))
                .isInstanceOf(ProviderUnavailableException.class).isNotInstanceOf(ChargeUnresolvedException.class);
        assertThatThrownBy(() -> StripeFailures.declineOrThrow(new RateLimitException(
                "Too many requests", null, "req_1", "rate_limit", 429, null)))
                .isInstanceOf(ProviderUnavailableException.class).isNotInstanceOf(ChargeUnresolvedException.class);
    }
}
