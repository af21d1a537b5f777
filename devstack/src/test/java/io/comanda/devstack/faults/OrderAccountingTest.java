package io.comanda.devstack.faults;

import io.comanda.devstack.load.PlacedOrder;
import io.comanda.events.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's judge, fed crafted ledgers: a clean one counts nothing, and each fault of an order
 * counts once in the column that names it, and in no other.
 */
class OrderAccountingTest {

    private static final Instant REPAIRED = Instant.parse("2026-12-01T10:00:00Z");

    private final List<PlacedOrder> placed = new ArrayList<>();
    private final Map<String, OrderTrail> trails = new HashMap<>();
    private Unaccounted unaccounted = new Unaccounted(0, 0);
    private long deadLetters;
    private long notSent;

    @Test
    void aCleanLedgerCountsNothing() {
        confirmed("paid");
        cancelled("declined", PaymentMix.DECLINED);
        cancelled("unauthenticated", PaymentMix.NEEDS_AUTHENTICATION);

        ScenarioResult result = account();

        assertThat(result.clean()).as(result.problems().toString()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(List.of(result.lost(), result.duplicateEffects(), result.wrong())).containsOnly(0);
        assertThat(result.deadLetters()).isZero();
        assertThat(result.orders()).isEqualTo(3);
        assertThat(result.finalOrders()).isEqualTo(3);
        assertThat(result.charges()).isEqualTo(1);
    }

    @Test
    void copiesOfOneEventAreDuplicatesSeenNotDuplicateEffects() {
        confirmed("paid");
        OrderTrail trail = trails.get("paid");
        List<EventLog.Event> copies = new ArrayList<>(trail.events());
        copies.addAll(trail.events());
        trails.put("paid", withEvents(trail, copies));

        ScenarioResult result = account();

        assertThat(result.clean()).as(result.problems().toString()).isTrue();
    }

    @Test
    void aKeyNeverAnswered201IsLost() {
        confirmed("paid");
        placed.add(new PlacedOrder("key-refused", PaymentMix.PAYS, REPAIRED, null, null, 12, 0, 0, "no 201 within 300 s"));

        assertOnly(account(), Column.LOST, 1);
    }

    @Test
    void anOrderNeverFinalIsLost() {
        confirmed("paid");
        trails.put("paid", OrderTrail.nothing());

        ScenarioResult result = account();

        assertOnly(result, Column.LOST, 1);
        assertThat(result.finalOrders()).isZero();
        assertThat(result.clean()).isFalse();
    }

    @Test
    void aFinalOrderWithoutItsPaymentIsLost() {
        confirmed("paid");
        trails.put("paid", withPayment(trails.get("paid"), Optional.empty()));

        assertOnly(account(), Column.LOST, 1);
    }

    @Test
    void aConfirmedOrderWithoutAChargeIsLost() {
        confirmed("paid");
        trails.put("paid", withCharges(trails.get("paid"), 0));

        assertOnly(account(), Column.LOST, 1);
    }

    @Test
    void anOrderMissingOneKindOfEventIsLostOncePerKind() {
        confirmed("paid");
        trails.put("paid", withEvents(trails.get("paid"), List.of(event(EventType.ORDER_PLACED_V1, "e1"))));

        assertOnly(account(), Column.LOST, 2);
    }

    @Test
    void aConfirmedOrderSettledByACancellationEventIsWrong() {
        confirmed("paid");
        trails.put("paid", withEvents(trails.get("paid"), List.of(event(EventType.ORDER_PLACED_V1, "paid-placed"),
                event(EventType.PAYMENT_SUCCEEDED_V1, "paid-outcome"), event(EventType.ORDER_CANCELLED_V1, "paid-settled"))));

        assertOnly(account(), Column.WRONG, 1);
    }

    @Test
    void aChargeAnnouncedAsAFailedPaymentIsWrong() {
        confirmed("paid");
        trails.put("paid", withEvents(trails.get("paid"), List.of(event(EventType.ORDER_PLACED_V1, "paid-placed"),
                event(EventType.PAYMENT_FAILED_V1, "paid-outcome"), event(EventType.ORDER_CONFIRMED_V1, "paid-settled"))));

        assertOnly(account(), Column.WRONG, 1);
    }

    @Test
    void anEventWithoutAnIdIsWrong() {
        confirmed("paid");
        trails.put("paid", withEvents(trails.get("paid"), List.of(event(EventType.ORDER_PLACED_V1, ""),
                event(EventType.PAYMENT_SUCCEEDED_V1, "paid-outcome"), event(EventType.ORDER_CONFIRMED_V1, "paid-settled"))));

        assertOnly(account(), Column.WRONG, 1);
    }

    @Test
    void anOrderChargedTwiceIsADuplicateEffect() {
        confirmed("paid");
        trails.put("paid", withCharges(trails.get("paid"), 2));

        ScenarioResult result = account();

        assertOnly(result, Column.DUPLICATE_EFFECT, 1);
        assertThat(result.charges()).isEqualTo(2);
    }

    @Test
    void anOutcomePublishedUnderTwoIdsIsADuplicateEffect() {
        confirmed("paid");
        List<EventLog.Event> events = new ArrayList<>(trails.get("paid").events());
        events.add(event(EventType.PAYMENT_SUCCEEDED_V1, "paid-outcome-again"));
        trails.put("paid", withEvents(trails.get("paid"), events));

        assertOnly(account(), Column.DUPLICATE_EFFECT, 1);
    }

    @Test
    void aKeyThatPlacedAnotherOrderIsADuplicateEffect() {
        confirmed("paid");
        placed.add(asSeen(placed.remove(0), PaymentMix.PAYS, 3, 0, 1));

        assertOnly(account(), Column.DUPLICATE_EFFECT, 1);
    }

    @Test
    void ordersAndChargesNo201AnnouncedAreDuplicateEffects() {
        confirmed("paid");
        unaccounted = new Unaccounted(1, 2);

        assertOnly(account(), Column.DUPLICATE_EFFECT, 3);
    }

    @Test
    void aDeclinedCardConfirmedIsWrong() {
        confirmed("declined-but-confirmed");
        placed.add(asSeen(placed.remove(0), PaymentMix.DECLINED, 1, 0, 0));

        assertOnly(account(), Column.WRONG, 1);
    }

    @Test
    void aPaymentThatDisagreesWithTheOrderIsWrong() {
        confirmed("paid");
        trails.put("paid", withPayment(trails.get("paid"), Optional.of("declined")));

        assertOnly(account(), Column.WRONG, 1);
    }

    @Test
    void aCancelledOrderThatWasChargedIsWrong() {
        cancelled("declined", PaymentMix.DECLINED);
        trails.put("declined", withCharges(trails.get("declined"), 1));

        assertOnly(account(), Column.WRONG, 1);
    }

    @Test
    void deadLettersAreCountedAndMakeTheScenarioUnclean() {
        confirmed("paid");
        deadLetters = 2;

        ScenarioResult result = account();

        assertOnly(result, Column.DEAD_LETTER, 2);
        assertThat(result.clean()).isFalse();
    }

    @Test
    void aLoadThinnedByItsCapIsNotCleanThoughNothingWasLost() {
        confirmed("paid");
        notSent = 3;

        ScenarioResult result = account();

        assertThat(List.of(result.lost(), result.duplicateEffects(), result.wrong())).containsOnly(0);
        assertThat(result.notSent()).isEqualTo(3);
        assertThat(result.clean()).isFalse();
    }

    @Test
    void replaysAndAbsorbedDeliveriesAreDuplicatesSeen() {
        confirmed("paid");
        placed.add(asSeen(placed.remove(0), PaymentMix.PAYS, 3, 2, 0));

        ScenarioResult result = OrderAccounting.account(new ScenarioLedger("s", REPAIRED, placed, trails, unaccounted, 5,
                0, 0));

        assertThat(result.duplicatesSeen()).isEqualTo(7);
        assertThat(result.clean()).isTrue();
    }

    @Test
    void recoveryRunsFromTheRepairToTheLastOrderPlacedBeforeItBeingFinal() {
        confirmed("before", REPAIRED.minusSeconds(5), REPAIRED.plusSeconds(42));
        confirmed("after", REPAIRED.plusSeconds(1), REPAIRED.plusSeconds(90));

        assertThat(account().recovery()).isEqualTo(Duration.ofSeconds(42));
    }

    private enum Column { LOST, DUPLICATE_EFFECT, WRONG, DEAD_LETTER }

    /** {@code count} in {@code column}, zero in the others. */
    private static void assertOnly(ScenarioResult result, Column column, long count) {
        Map<Column, Long> counted = Map.of(Column.LOST, (long) result.lost(),
                Column.DUPLICATE_EFFECT, (long) result.duplicateEffects(), Column.WRONG, (long) result.wrong(),
                Column.DEAD_LETTER, result.deadLetters());
        Map<Column, Long> expected = new HashMap<>(Map.of(Column.LOST, 0L, Column.DUPLICATE_EFFECT, 0L,
                Column.WRONG, 0L, Column.DEAD_LETTER, 0L));
        expected.put(column, count);
        assertThat(counted).as(result.problems().toString()).isEqualTo(expected);
        assertThat(result.clean()).isFalse();
    }

    private ScenarioResult account() {
        return OrderAccounting.account(new ScenarioLedger("kill -9 something", REPAIRED, placed, trails, unaccounted, 0,
                deadLetters, notSent));
    }

    private void confirmed(String orderId) {
        confirmed(orderId, REPAIRED.minusSeconds(1), REPAIRED.plusSeconds(1));
    }

    private void confirmed(String orderId, Instant sentAt, Instant finalAt) {
        placed.add(new PlacedOrder("key-" + orderId, PaymentMix.PAYS, sentAt, orderId, sentAt, 1, 0, 0, null));
        trails.put(orderId, new OrderTrail(Optional.of("CONFIRMED"), Optional.of(finalAt), Optional.of("charged"), 1,
                List.of(event(EventType.ORDER_PLACED_V1, orderId + "-placed"),
                        event(EventType.PAYMENT_SUCCEEDED_V1, orderId + "-outcome"),
                        event(EventType.ORDER_CONFIRMED_V1, orderId + "-settled"))));
    }

    private void cancelled(String orderId, String paymentMethod) {
        Instant sentAt = REPAIRED.minusSeconds(1);
        placed.add(new PlacedOrder("key-" + orderId, paymentMethod, sentAt, orderId, sentAt, 1, 0, 0, null));
        trails.put(orderId, new OrderTrail(Optional.of("CANCELLED"), Optional.of(REPAIRED.plusSeconds(1)),
                Optional.of("declined"), 0, List.of(event(EventType.ORDER_PLACED_V1, orderId + "-placed"),
                event(EventType.PAYMENT_FAILED_V1, orderId + "-outcome"),
                event(EventType.ORDER_CANCELLED_V1, orderId + "-settled"))));
    }

    /** The same order, as its client saw it with another payment method, attempts, replays and other orders. */
    private static PlacedOrder asSeen(PlacedOrder order, String paymentMethod, int attempts, int replays, int otherOrders) {
        return new PlacedOrder(order.idempotencyKey(), paymentMethod, order.firstAttemptAt(), order.orderId(),
                order.acceptedAt(), attempts, replays, otherOrders, null);
    }

    private static OrderTrail withPayment(OrderTrail trail, Optional<String> payment) {
        return new OrderTrail(trail.finalStatus(), trail.finalAt(), payment, trail.charges(), trail.events());
    }

    private static OrderTrail withCharges(OrderTrail trail, int charges) {
        return new OrderTrail(trail.finalStatus(), trail.finalAt(), trail.payment(), charges, trail.events());
    }

    private static OrderTrail withEvents(OrderTrail trail, List<EventLog.Event> events) {
        return new OrderTrail(trail.finalStatus(), trail.finalAt(), trail.payment(), trail.charges(), events);
    }

    private static EventLog.Event event(EventType type, String id) {
        return new EventLog.Event(type.ceType(), id);
    }
}
