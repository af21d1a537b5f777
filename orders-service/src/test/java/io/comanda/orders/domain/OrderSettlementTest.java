package io.comanda.orders.domain;

import io.comanda.events.ComandaEvent;
import io.comanda.events.Money;
import io.comanda.events.OrderConfirmed;
import io.comanda.events.PaymentSucceeded;
import io.comanda.platform.inbox.DuplicateDeliveries;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What settling an order decides from what its SettlementStore found, the store scripted. */
class OrderSettlementTest {

    private static final Money TOTAL = Money.of(2598, "EUR");

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ScriptedStore store = new ScriptedStore();
    private final RecordedDeadLetters deadLetters = new RecordedDeadLetters();
    private final OrderSettlement settlement = new OrderSettlement(store, metrics, new DuplicateDeliveries(metrics),
            deadLetters);
    private final PaymentSucceeded paid = new PaymentSucceeded(UUID.randomUUID(), UUID.randomUUID(), "alice", TOTAL,
            "pi_1", Instant.now());

    @Test
    void aSettledOrderIsAnnouncedConfirmedWithItsNewVersion() {
        store.found = new SettlementResult(true, OrderStatus.PENDING, true,
                new SettledOrder(paid.orderId(), "alice", TOTAL, Instant.now(), 2));

        settlement.applyOutcome(UUID.randomUUID(), paid).await().indefinitely();

        assertThat(store.announced).isInstanceOfSatisfying(OrderConfirmed.class, confirmed -> {
            assertThat(confirmed.orderId()).isEqualTo(paid.orderId());
            assertThat(confirmed.paymentId()).isEqualTo(paid.paymentId());
            assertThat(confirmed.version()).isEqualTo(2L);
        });
    }

    @Test
    void anOutcomeForNoOrderFailsAsAnUnknownOrder() {
        store.found = new SettlementResult(true, null, false, null);

        assertThatThrownBy(() -> settlement.applyOutcome(UUID.randomUUID(), paid).await().indefinitely())
                .isInstanceOf(UnknownOrderException.class);
    }

    @Test
    void anOutcomeThatIsNotThePendingOrdersIsRefusedAndCounted() {
        store.found = new SettlementResult(true, OrderStatus.PENDING, false, null);

        assertThatThrownBy(() -> settlement.applyOutcome(UUID.randomUUID(), paid).await().indefinitely())
                .isInstanceOf(OutcomeMismatchException.class);
        assertThat(metrics.counter("comanda.orders.outcome_mismatches").count()).isEqualTo(1);
    }

    @Test
    void aRedeliveredOutcomeIsCountedAsADuplicateAndAnnouncesNothing() {
        store.found = new SettlementResult(false, null, false, null);

        settlement.applyOutcome(UUID.randomUUID(), paid).await().indefinitely();

        assertThat(store.announced).isNull();
        assertThat(metrics.counter(DuplicateDeliveries.METRIC, "consumer", OrderSettlement.CONSUMER).count())
                .isEqualTo(1);
    }

    @Test
    void anOutcomeForAnOrderAnOperatorCancelledIsIgnoredAndCounted() {
        store.found = new SettlementResult(true, OrderStatus.CANCELLED, true, null);

        settlement.applyOutcome(UUID.randomUUID(), paid).await().indefinitely();

        assertThat(store.announced).isNull();
        assertThat(metrics.counter("comanda.orders.ignored_transitions", "event", paid.type().ceType(),
                "status", "CANCELLED").count()).isEqualTo(1);
    }

    @Test
    void anOrderSettledByReconciliationTakesItsWaitingDeadLettersOffTheList() {
        store.found = new SettlementResult(true, OrderStatus.PENDING, true,
                new SettledOrder(paid.orderId(), "alice", TOTAL, Instant.now(), 2));
        UUID eventId = UUID.randomUUID();

        settlement.applyReconciledOutcome(eventId, paid).await().indefinitely();

        assertThat(deadLetters.settled).containsExactly(paid.orderId() + ": order " + paid.orderId()
                + " was settled CONFIRMED by reconciliation, with its payment outcome " + eventId);
    }

    @Test
    void anOutcomeAppliedAsItArrivesLooksForNoDeadLetters() {
        store.found = new SettlementResult(true, OrderStatus.PENDING, true,
                new SettledOrder(paid.orderId(), "alice", TOTAL, Instant.now(), 2));

        settlement.applyOutcome(UUID.randomUUID(), paid).await().indefinitely();

        assertThat(deadLetters.settled).isEmpty();
    }

    @Test
    void anOutcomeThatSettlesNothingLeavesTheOrdersDeadLettersListed() {
        store.found = new SettlementResult(true, OrderStatus.CANCELLED, true, null);

        settlement.applyOutcome(UUID.randomUUID(), paid).await().indefinitely();

        assertThat(deadLetters.settled).isEmpty();
    }

    @Test
    void deadLettersThatCannotBeSettledNowDoNotUndoTheSettlement() {
        store.found = new SettlementResult(true, OrderStatus.PENDING, true,
                new SettledOrder(paid.orderId(), "alice", TOTAL, Instant.now(), 2));
        deadLetters.failing = true;

        settlement.applyReconciledOutcome(UUID.randomUUID(), paid).await().indefinitely();

        assertThat(store.announced).isInstanceOf(OrderConfirmed.class);
    }

    /** Dead letters whose settling the test records, or that fail to settle. */
    private static final class RecordedDeadLetters implements WaitingDeadLetters {

        final List<String> settled = new ArrayList<>();
        boolean failing;

        @Override
        public Uni<Void> orderSettled(UUID orderId, String why) {
            if (failing) {
                return Uni.createFrom().failure(new IllegalStateException("the index is unreachable"));
            }
            settled.add(orderId + ": " + why);
            return Uni.createFrom().voidItem();
        }
    }

    /** A store that answers what the test scripts, passing it through the settlement's check. */
    private static final class ScriptedStore implements SettlementStore {

        SettlementResult found;
        ComandaEvent announced;

        @Override
        public Uni<SettlementResult> settle(String consumer, UUID eventId, UUID orderId, String customerId,
                                            Money amount, Settlement settlement, Instant now,
                                            Function<SettlementResult, SettlementResult> check,
                                            Function<SettledOrder, ComandaEvent> announcement) {
            return Uni.createFrom().item(() -> {
                SettlementResult result = check.apply(found);
                if (result.settled() != null) {
                    announced = announcement.apply(result.settled());
                }
                return result;
            });
        }
    }
}
