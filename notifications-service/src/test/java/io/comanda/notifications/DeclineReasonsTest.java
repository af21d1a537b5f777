package io.comanda.notifications;

import io.comanda.notifications.domain.DeclineReasons;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeclineReasonsTest {

    @Test
    void insufficientFundsIsSaidInWords() {
        assertThat(DeclineReasons.inWords("insufficient_funds", "Your card has insufficient funds."))
                .isEqualTo("your card was declined: insufficient funds");
    }

    @Test
    void expiredCardIsSaidInWords() {
        assertThat(DeclineReasons.inWords("expired_card", null)).isEqualTo("your card was declined: the card has expired");
    }

    @Test
    void genericDeclineSaysTheCardWasDeclined() {
        assertThat(DeclineReasons.inWords("generic_decline", "Your card was declined."))
                .isEqualTo("your card was declined");
    }

    @Test
    void unknownCodeFallsBackToTheProvidersSentenceNeverTheCode() {
        assertThat(DeclineReasons.inWords("pickup_card", "The bank asks you to call them."))
                .isEqualTo("the bank asks you to call them")
                .doesNotContain("pickup_card");
    }

    @Test
    void unknownCodeWithoutASentenceStillReadsAsWords() {
        assertThat(DeclineReasons.inWords("xyz_42", "xyz_42")).isEqualTo("your payment could not be taken");
        assertThat(DeclineReasons.inWords(null, null)).isEqualTo("your payment could not be taken");
    }

    @Test
    void anOperatorsCancelTellsTheCustomerAnyPaymentIsRefundedWithoutTheOperatorsOwnWords() {
        assertThat(DeclineReasons.inWords("cancelled_by_operator", "Cancelled by an operator: fraud suspected by ops"))
                .isEqualTo("we cancelled it, and any payment taken for it is refunded")
                .doesNotContain("fraud");
    }
}
