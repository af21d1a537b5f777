package io.comanda.orders.api;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule of a cancel's body: a reason of 1 to 500 characters that is not only spaces. */
class CancelOrderRequestTest {

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aReasonOfOneToFiveHundredCharactersIsValid() {
        assertThat(VALIDATOR.validate(new CancelOrderRequest("x"))).isEmpty();
        assertThat(VALIDATOR.validate(new CancelOrderRequest("x".repeat(500)))).isEmpty();
    }

    @Test
    void aMissingEmptyBlankOrTooLongReasonIsInvalid() {
        assertThat(VALIDATOR.validate(new CancelOrderRequest(null))).hasSize(1);
        assertThat(VALIDATOR.validate(new CancelOrderRequest(""))).isNotEmpty();
        assertThat(VALIDATOR.validate(new CancelOrderRequest("   "))).isNotEmpty();
        assertThat(VALIDATOR.validate(new CancelOrderRequest("x".repeat(501)))).hasSize(1);
    }
}
