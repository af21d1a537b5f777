package io.comanda.orders.domain;

import io.comanda.events.Money;
import io.comanda.events.OrderCancelled;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an operator's cancel tells the customer and the suite, and what it comes to from what the store found. */
class OperatorCancelTest {

    private static final UUID ORDER = UUID.randomUUID();
    private static final SettledOrder CANCELLED = new SettledOrder(ORDER, "alice", Money.of(6048, "EUR"),
            Instant.parse("2026-01-02T10:00:00Z"), 2);
    private final OperatorCancel cancel = new OperatorCancel("ops", "Out of stock since this morning");

    @Test
    void theCustomerReadsThatAnOperatorCancelledAndWhyButNotWho() {
        assertThat(cancel.customerReason()).isEqualTo("Cancelled by an operator: Out of stock since this morning")
                .doesNotContain("ops");
    }

    @Test
    void theAnnouncementIsAnOrderCancelledWithTheOperatorsCodeReasonAndNewVersion() {
        Instant now = Instant.parse("2026-01-02T10:05:00Z");

        OrderCancelled announced = cancel.announcement(CANCELLED, now);

        assertThat(announced.orderId()).isEqualTo(ORDER);
        assertThat(announced.customerId()).isEqualTo("alice");
        assertThat(announced.declineCode()).isEqualTo("cancelled_by_operator");
        assertThat(announced.reason()).isEqualTo(cancel.customerReason());
        assertThat(announced.occurredAt()).isEqualTo(now);
        assertThat(announced.version()).isEqualTo(2L);
    }

    @Test
    void aPendingOrderThatWasCancelledIsTheResult() {
        assertThat(OperatorCancel.cancelledOrder(ORDER, new CancellationResult(OrderStatus.PENDING, CANCELLED)))
                .isSameAs(CANCELLED);
    }

    @Test
    void anOrderThatDoesNotExistIsNoSuchOrder() {
        assertThatThrownBy(() -> OperatorCancel.cancelledOrder(ORDER, new CancellationResult(null, null)))
                .isInstanceOf(NoSuchOrderException.class)
                .hasMessage("There is no order " + ORDER + ".");
    }

    @Test
    void aConfirmedOrderCannotBeCancelledAndTheRefusalSaysItsStatus() {
        assertThatThrownBy(() -> OperatorCancel.cancelledOrder(ORDER,
                new CancellationResult(OrderStatus.CONFIRMED, null)))
                .isInstanceOfSatisfying(OrderNotCancellableException.class,
                        refused -> assertThat(refused.status()).isEqualTo(OrderStatus.CONFIRMED))
                .hasMessageContaining("is CONFIRMED");
    }

    @Test
    void aCancelledOrderCannotBeCancelledAgain() {
        assertThatThrownBy(() -> OperatorCancel.cancelledOrder(ORDER,
                new CancellationResult(OrderStatus.CANCELLED, null)))
                .isInstanceOf(OrderNotCancellableException.class)
                .hasMessageContaining("is CANCELLED");
    }

    @Test
    void anOrderSettledByItsPaymentWhileTheCancelWaitedIsRefusedToo() {
        // The statement's snapshot still saw PENDING; the update found the row no longer PENDING.
        assertThatThrownBy(() -> OperatorCancel.cancelledOrder(ORDER,
                new CancellationResult(OrderStatus.PENDING, null)))
                .isInstanceOf(OrderNotCancellableException.class)
                .hasMessageContaining("left PENDING");
    }
}
