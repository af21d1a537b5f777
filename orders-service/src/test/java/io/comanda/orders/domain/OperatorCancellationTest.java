package io.comanda.orders.domain;

import io.comanda.events.ComandaEvent;
import io.comanda.events.Money;
import io.comanda.events.OrderCancelled;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An operator's cancel as the service runs it, the CancellationStore scripted. */
class OperatorCancellationTest {

    private static final String METRIC = "comanda.orders.cancelled_by_operator";
    private static final UUID ORDER = UUID.randomUUID();

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ScriptedStore store = new ScriptedStore();
    private final OperatorCancellation cancellation = new OperatorCancellation(store, metrics);
    private final OperatorCancel cancel = new OperatorCancel("ops", "customer asked by phone");

    @Test
    void aCancelledOrderIsAnnouncedAndCounted() {
        store.found = new CancellationResult(OrderStatus.PENDING,
                new SettledOrder(ORDER, "alice", Money.of(6048, "EUR"), Instant.now(), 2));

        SettledOrder cancelled = cancellation.cancel(ORDER, cancel).await().indefinitely();

        assertThat(cancelled.version()).isEqualTo(2);
        assertThat(store.announced).isInstanceOfSatisfying(OrderCancelled.class, announced -> {
            assertThat(announced.declineCode()).isEqualTo(OperatorCancel.DECLINE_CODE);
            assertThat(announced.version()).isEqualTo(2L);
        });
        assertThat(metrics.counter(METRIC).count()).isEqualTo(1);
    }

    @Test
    void aRefusedCancelAnnouncesNothingAndIsNotCounted() {
        store.found = new CancellationResult(OrderStatus.CONFIRMED, null);

        assertThatThrownBy(() -> cancellation.cancel(ORDER, cancel).await().indefinitely())
                .isInstanceOf(OrderNotCancellableException.class);
        assertThat(store.announced).isNull();
        assertThat(metrics.counter(METRIC).count()).isZero();
    }

    @Test
    void theCounterExistsBeforeTheFirstCancel() {
        assertThat(metrics.find(METRIC).counter()).isNotNull();
    }

    /** A store that answers what the test scripts and keeps what it was asked to announce. */
    private static final class ScriptedStore implements CancellationStore {

        CancellationResult found;
        ComandaEvent announced;

        @Override
        public Uni<CancellationResult> cancel(UUID orderId, OperatorCancel cancel, Instant now,
                                              Function<SettledOrder, ComandaEvent> announcement) {
            return Uni.createFrom().item(() -> {
                if (found.cancelled() != null) {
                    announced = announcement.apply(found.cancelled());
                }
                return found;
            });
        }
    }
}
