package io.comanda.orders.api;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule of a cancel's body: a reason of 1 to 500 characters that is not only spaces. */
class CancelOrderRequestTest {

    @Test
    void aReasonOfOneToFiveHundredCharactersIsValid() {
        assertThat(violations("x")).isZero();
        assertThat(violations("x".repeat(500))).isZero();
    }

    @Test
    void aMissingEmptyBlankOrTooLongReasonIsInvalid() {
        assertThat(violations(null)).isEqualTo(1);
        assertThat(violations("")).isPositive();
        assertThat(violations("   ")).isPositive();
        assertThat(violations("x".repeat(501))).isEqualTo(1);
    }

    private static int violations(String reason) {
        try (ValidatorFactory validation = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            return validation.getValidator().validate(new CancelOrderRequest(reason)).size();
        }
    }
}
