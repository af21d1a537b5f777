package io.comanda.devstack.faults;

import io.comanda.devstack.load.PlacedOrder;
import io.comanda.events.EventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Counts, order by order, what a scenario's orders left at each public interface: their final status at
 * orders-service, their payment at payments-service, their charges at the Stripe emulator and their
 * events on the topics. Each order must have exactly one of each effect: one OrderPlaced, one payment
 * outcome, one settlement (each under one event id, however many copies were delivered), one payment,
 * and one charge when CONFIRMED, none when CANCELLED.
 */
final class OrderAccounting {

    private static final int PROBLEMS_SHOWN = 10;
    private static final Set<String> PLACED = Set.of(EventType.ORDER_PLACED_V1.ceType());
    private static final Set<String> OUTCOMES = Set.of(EventType.PAYMENT_SUCCEEDED_V1.ceType(),
            EventType.PAYMENT_FAILED_V1.ceType());
    private static final Set<String> SETTLEMENTS = Set.of(EventType.ORDER_CONFIRMED_V1.ceType(),
            EventType.ORDER_CANCELLED_V1.ceType());

    private final List<String> problems = new ArrayList<>();
    private int lost;
    private int duplicateEffects;
    private int wrong;
    private int duplicatesSeen;

    private OrderAccounting() {
    }

    /** Counts each order of the ledger; every problem found is one count in one column. */
    static ScenarioResult account(ScenarioLedger ledger) {
        OrderAccounting accounting = new OrderAccounting();
        accounting.duplicatesSeen = ledger.duplicatesAbsorbed();
        for (long i = 0; i < ledger.unaccounted().orders(); i++) {
            accounting.duplicate("an order of the customer's that no 201 of the load announced");
        }
        for (long i = 0; i < ledger.unaccounted().charges(); i++) {
            accounting.duplicate("a charge at Stripe for an order that no 201 of the load announced");
        }
        int accepted = 0;
        int finalOrders = 0;
        int charged = 0;
        Instant lastFinal = ledger.repairedAt();
        for (PlacedOrder order : ledger.placed()) {
            if (!order.accepted()) {
                accounting.lost("key " + order.idempotencyKey() + " never answered 201: " + order.refusal());
                continue;
            }
            accepted++;
            accounting.duplicatesSeen += order.replays();
            if (order.otherOrderIds() > 0) {
                accounting.duplicate(order.orderId() + ": its Idempotency-Key placed another order");
            }
            OrderTrail trail = ledger.trailOf(order.orderId());
            if (trail.finalStatus().isPresent()) {
                finalOrders++;
                if (order.firstAttemptAt().isBefore(ledger.repairedAt())) {
                    Instant at = trail.finalAt().orElse(lastFinal);
                    lastFinal = at.isAfter(lastFinal) ? at : lastFinal;
                }
            }
            charged += trail.charges();
            accounting.check(order, trail);
        }
        return new ScenarioResult(ledger.scenario(), accepted, finalOrders, charged, accounting.duplicatesSeen,
                accounting.duplicateEffects, accounting.lost, accounting.wrong, ledger.deadLetters(),
                ledger.notSent(), Duration.between(ledger.repairedAt(), lastFinal), List.copyOf(accounting.problems));
    }

    private void check(PlacedOrder order, OrderTrail trail) {
        String id = order.orderId();
        Optional<String> status = trail.finalStatus();
        Optional<String> payment = trail.payment();
        int charges = trail.charges();
        List<EventLog.Event> events = trail.events();
        if (status.isEmpty()) {
            lost(id + ": not final");
            return;
        }
        String expected = PaymentMix.expectedStatus(order.paymentMethod());
        if (!expected.equals(status.get())) {
            wrong(id + ": " + status.get() + " though paid with " + order.paymentMethod());
        }
        if (payment.isEmpty()) {
            lost(id + ": " + status.get() + " without a payment at payments-service");
        } else if (!payment.get().equals("CONFIRMED".equals(status.get()) ? "charged" : "declined")) {
            wrong(id + ": " + status.get() + " with a payment " + payment.get());
        }
        boolean confirmed = "CONFIRMED".equals(status.get());
        if (charges > 1) {
            duplicate(id + ": charged " + charges + " times");
        } else if (confirmed && charges == 0) {
            lost(id + ": CONFIRMED without a charge at Stripe");
        } else if (!confirmed && charges > 0) {
            wrong(id + ": CANCELLED but charged");
        }
        kind(id, events, PLACED, "OrderPlaced");
        kind(id, events, OUTCOMES, "payment outcome");
        kind(id, events, SETTLEMENTS, "settlement");
        agrees(id, status.get(), events, OUTCOMES,
                (confirmed ? EventType.PAYMENT_SUCCEEDED_V1 : EventType.PAYMENT_FAILED_V1).ceType());
        agrees(id, status.get(), events, SETTLEMENTS,
                (confirmed ? EventType.ORDER_CONFIRMED_V1 : EventType.ORDER_CANCELLED_V1).ceType());
        events.stream().filter(event -> event.id().isBlank()).findFirst()
                .ifPresent(event -> wrong(id + ": a " + event.type() + " event without a ce_id"));
    }

    /**
     * The kind's events say what the order's final status says: the consumers act on the event, so a
     * CONFIRMED order announced as cancelled (or a charge announced as failed) is wrong even when its
     * final status is right.
     */
    private void agrees(String orderId, String status, List<EventLog.Event> events, Set<String> types, String expected) {
        events.stream().map(EventLog.Event::type).filter(types::contains).filter(type -> !type.equals(expected))
                .findFirst().ifPresent(type -> wrong(orderId + ": " + status + " but announced by " + type));
    }

    /** One event of the kind, under one id; copies of it (a relay publishing again) are for the inboxes to absorb. */
    private void kind(String orderId, List<EventLog.Event> events, Set<String> types, String kind) {
        Set<String> ids = new HashSet<>();
        events.stream().filter(e -> types.contains(e.type())).forEach(e -> ids.add(e.id()));
        if (ids.isEmpty()) {
            lost(orderId + ": no " + kind + " event on its topic");
        } else if (ids.size() > 1) {
            duplicate(orderId + ": " + ids.size() + " " + kind + " events with different ids");
        }
    }

    private void lost(String problem) {
        lost++;
        note("lost: " + problem);
    }

    private void duplicate(String problem) {
        duplicateEffects++;
        note("duplicate: " + problem);
    }

    private void wrong(String problem) {
        wrong++;
        note("wrong: " + problem);
    }

    private void note(String problem) {
        if (problems.size() < PROBLEMS_SHOWN) {
            problems.add(problem);
        }
    }
}
