package io.comanda.payments.domain;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentStateTest {

    @Test
    void theStandInEventIdOfAPaymentIsTheSameOnEveryReadAndDiffersBetweenPayments() {
        UUID payment = UUID.fromString("0b9c3a52-1f7e-4d5e-9a3b-6c1d2e3f4a5b");

        assertThat(PaymentState.standInOutcomeEventId(payment)).isEqualTo(PaymentState.standInOutcomeEventId(payment))
                .isNotEqualTo(PaymentState.standInOutcomeEventId(UUID.randomUUID()));
        assertThat(PaymentState.standInOutcomeEventId(payment).version()).as("name-based").isEqualTo(3);
    }
}
