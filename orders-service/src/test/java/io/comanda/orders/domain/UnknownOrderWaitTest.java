package io.comanda.orders.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An outcome for an order not visible yet is retried for a while, then parked as never having found it. */
class UnknownOrderWaitTest {

    private static final Instant FIRST = Instant.parse("2026-03-01T12:00:00Z");
    private final UnknownOrderWait wait = new UnknownOrderWait(Duration.ofMinutes(2));
    private final UnknownOrderException unknown = new UnknownOrderException(UUID.randomUUID());

    @Test
    void anUnknownOrderIsATransientFailureOnItsFirstAttempt() {
        assertThat(wait.judge(unknown, FIRST, FIRST)).isSameAs(unknown).isNotInstanceOf(UnsettleableOutcomeException.class);
    }

    @Test
    void anUnknownOrderIsStillRetriedJustBeforeTheBudgetRunsOut() {
        assertThat(wait.judge(unknown, FIRST, FIRST.plusSeconds(119))).isSameAs(unknown);
    }

    @Test
    void anUnknownOrderIsParkedOnceTheBudgetHasRunOutSayingHowLongItWaited() {
        RuntimeException concluded = wait.judge(unknown, FIRST, FIRST.plusSeconds(120));

        assertThat(concluded).isInstanceOf(OrderNeverAppearedException.class)
                .isInstanceOf(UnsettleableOutcomeException.class)
                .hasMessage("no order " + unknown.orderId() + " to settle after waiting PT2M for it to appear")
                .hasCause(unknown);
    }

    @Test
    void noWaitParksAtOnceAsBeforeRetriesExisted() {
        assertThat(new UnknownOrderWait(Duration.ZERO).judge(unknown, FIRST, FIRST))
                .isInstanceOf(OrderNeverAppearedException.class);
    }

    @Test
    void aNegativeWaitIsRefused() {
        assertThatThrownBy(() -> new UnknownOrderWait(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
