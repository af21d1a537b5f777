package io.comanda.payments.domain;

import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import io.comanda.events.PaymentFailed;
import io.comanda.events.PaymentSucceeded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** How the provider's answer becomes the order's payment and the event that announces it. */
class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30.301Z");
    private static final OrderPlaced ORDER = new OrderPlaced(UUID.fromString("3f0e4b52-8c1d-4a5e-9b7e-2f6a1c0d9e11"),
            "alice", List.of(new LineItem("ESPRESSO-250G", 2, Money.of(1299, "EUR"))), Money.of(2598, "EUR"),
            "pm_card_visa", Instant.parse("2026-11-27T10:15:30Z"));

    @Test
    void aChargeIsASucceededPaymentOfTheOrdersTotal() {
        Payment payment = Payment.fromCharge(ORDER, new ChargeResult.Charged("pi_3Qabc"), NOW);

        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.orderId()).isEqualTo(ORDER.orderId());
        assertThat(payment.outcomeEvent()).isEqualTo(new PaymentSucceeded(payment.id(), ORDER.orderId(), "alice",
                Money.of(2598, "EUR"), "pi_3Qabc", NOW));
    }

    @Test
    void aDeclineIsAFailedPaymentWithTheProvidersCodeAndReason() {
        Payment payment = Payment.fromCharge(ORDER,
                new ChargeResult.Declined("insufficient_funds", "Your card has insufficient funds."), NOW);

        assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(payment.outcomeEvent()).isEqualTo(new PaymentFailed(payment.id(), ORDER.orderId(), "alice",
                Money.of(2598, "EUR"), "insufficient_funds", "Your card has insufficient funds.", NOW));
    }

    @Test
    void everyPaymentHasItsOwnId() {
        Payment first = Payment.fromCharge(ORDER, new ChargeResult.Charged("pi_1"), NOW);
        Payment second = Payment.fromCharge(ORDER, new ChargeResult.Charged("pi_1"), NOW);

        assertThat(first.id()).isNotNull().isNotEqualTo(second.id());
    }

    @Test
    void theProviderDeduplicatesByAKeyDerivedFromTheOrderAlone() {
        UUID orderId = ORDER.orderId();
        ChargeRequest request = new ChargeRequest(orderId, Money.of(2598, "EUR"), "pm_card_visa");

        assertThat(request.idempotencyKey()).isEqualTo("comanda-order-3f0e4b52-8c1d-4a5e-9b7e-2f6a1c0d9e11");
        assertThat(new ChargeRequest(orderId, Money.of(2598, "EUR"), "pm_card_visa").idempotencyKey())
                .isEqualTo(request.idempotencyKey());
        assertThat(new ChargeRequest(UUID.randomUUID(), Money.of(2598, "EUR"), "pm_card_visa").idempotencyKey())
                .isNotEqualTo(request.idempotencyKey());
    }
}
