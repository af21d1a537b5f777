package io.comanda.payments.gateway;

import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import io.comanda.payments.domain.ChargeResult;
import io.comanda.payments.domain.ProviderRejectedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each PaymentIntent status means for the order once an off-session confirmation answered it. */
class PaymentIntentResultsTest {

    @Test
    void succeededIsChargedWithThePaymentIntentId() {
        assertThat(PaymentIntentResults.of(intent("succeeded", null))).contains(new ChargeResult.Charged("pi_1"));
    }

    @Test
    void processingIsNotFinalYet() {
        assertThat(PaymentIntentResults.of(intent("processing", null))).isEmpty();
    }

    @Test
    void aFailedPaymentIsDeclinedWithTheLastPaymentErrorsDeclineCodeOrElseItsCode() {
        assertThat(PaymentIntentResults.of(intent("requires_payment_method", error("card_declined", "insufficient_funds"))))
                .contains(new ChargeResult.Declined("insufficient_funds", "Declined by the test."));
        assertThat(PaymentIntentResults.of(intent("canceled", error("payment_method_provider_decline", null))))
                .contains(new ChargeResult.Declined("payment_method_provider_decline", "Declined by the test."));
    }

    @Test
    void aCanceledPaymentWithoutAnErrorIsDeclinedWithItsCancellationReason() {
        PaymentIntent canceled = intent("canceled", null);
        canceled.setCancellationReason("abandoned");

        assertThat(PaymentIntentResults.of(canceled)).hasValueSatisfying(result ->
                assertThat(result).isInstanceOfSatisfying(ChargeResult.Declined.class, declined -> {
                    assertThat(declined.declineCode()).isEqualTo("abandoned");
                    assertThat(declined.reason()).isNotBlank();
                }));
    }

    @Test
    void anAuthenticationAskedForOffSessionIsTheDeclineAuthenticationRequired() {
        assertThat(PaymentIntentResults.of(intent("requires_action", null))).hasValueSatisfying(result ->
                assertThat(result).isInstanceOfSatisfying(ChargeResult.Declined.class,
                        declined -> assertThat(declined.declineCode()).isEqualTo("authentication_required")));
    }

    @Test
    void aStatusAServerSideConfirmationCannotReachIsForAnOperator() {
        assertThatThrownBy(() -> PaymentIntentResults.of(intent("requires_capture", null)))
                .isInstanceOf(ProviderRejectedException.class).hasMessageContaining("requires_capture");
    }

    @Test
    void aPaymentIntentNeverConfirmedEndsTheOrderAsADeclineSinceNothingWasCharged() {
        assertThat(PaymentIntentResults.of(intent("requires_confirmation", null)))
                .hasValueSatisfying(result -> assertThat(result).isInstanceOfSatisfying(ChargeResult.Declined.class,
                        declined -> assertThat(declined.declineCode()).isEqualTo("payment_not_confirmed")));
    }

    private static PaymentIntent intent(String status, StripeError lastPaymentError) {
        PaymentIntent intent = new PaymentIntent();
        intent.setId("pi_1");
        intent.setStatus(status);
        intent.setLastPaymentError(lastPaymentError);
        return intent;
    }

    private static StripeError error(String code, String declineCode) {
        StripeError error = new StripeError();
        error.setCode(code);
        error.setDeclineCode(declineCode);
        error.setMessage("Declined by the test.");
        return error;
    }
}
