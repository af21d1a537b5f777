package io.comanda.orders.gateway;

import io.comanda.events.Money;
import io.comanda.events.PaymentFailed;
import io.comanda.events.PaymentSucceeded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentStateTest {

    private static final UUID PAYMENT = UUID.randomUUID();
    private static final UUID ORDER = UUID.randomUUID();
    private static final Instant RECORDED = Instant.parse("2026-11-28T10:15:30.123456Z");

    @Test
    void aChargedPaymentStandsForThePaymentSucceededThatAnnouncedIt() {
        PaymentState charged = state("charged", "pi_123", null, null);

        assertThat(charged.outcome()).isEqualTo(new PaymentSucceeded(PAYMENT, ORDER, "alice", Money.of(6048, "EUR"),
                "pi_123", RECORDED));
    }

    @Test
    void aDeclinedPaymentStandsForThePaymentFailedWithItsReason() {
        PaymentState declined = state("declined", null, "insufficient_funds", "Your card has insufficient funds.");

        assertThat(declined.outcome()).isEqualTo(new PaymentFailed(PAYMENT, ORDER, "alice", Money.of(6048, "EUR"),
                "insufficient_funds", "Your card has insufficient funds.", RECORDED));
    }

    @Test
    void aStatusThatIsNeitherChargedNorDeclinedSettlesNothing() {
        assertThatThrownBy(() -> state("processing", null, null, null).outcome())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("processing");
    }

    private static PaymentState state(String status, String reference, String declineCode, String reason) {
        return new PaymentState(ORDER, status, PAYMENT, "alice", 6048, "EUR", reference, declineCode, reason,
                UUID.randomUUID(), RECORDED);
    }
}
