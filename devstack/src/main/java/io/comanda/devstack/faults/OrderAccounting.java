package io.comanda.devstack.faults;

import io.comanda.events.EventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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

    /**
     * @param placed     what the load's clients saw
     * @param finalStatus each order's final status (empty while PENDING)
     * @param finalAt    when each order was first seen final
     * @param payments   payments-service's payment per order id (absent: none)
     * @param charges    successful charges per order id
     * @param events     the topics' records
     * @param unaccounted orders and charges the stack gained during the scenario beyond those of the 201s
     * @param duplicatesAbsorbed deliveries the consumers' inboxes absorbed during the scenario
     * @param repairedAt when the fault was repaired
     */
    static ScenarioResult account(String scenario, List<PlacedOrder> placed, Function<String, Optional<String>> finalStatus,
                                  Function<String, Optional<Instant>> finalAt,
                                  Map<String, Optional<String>> payments, Map<String, Integer> charges,
                                  EventLog events, Unaccounted unaccounted, int duplicatesAbsorbed, long deadLetters,
                                  Instant repairedAt) {
        OrderAccounting accounting = new OrderAccounting();
        accounting.duplicatesSeen = duplicatesAbsorbed;
        for (long i = 0; i < unaccounted.orders(); i++) {
            accounting.duplicate("an order of the customer's that no 201 of the load announced");
        }
        for (long i = 0; i < unaccounted.charges(); i++) {
            accounting.duplicate("a charge at Stripe for an order that no 201 of the load announced");
        }
        int accepted = 0;
        int finalOrders = 0;
        int charged = 0;
        Instant lastFinal = repairedAt;
        for (PlacedOrder order : placed) {
            if (!order.accepted()) {
                accounting.lost("key " + order.idempotencyKey() + " never answered 201: " + order.refusal());
                continue;
            }
            accepted++;
            accounting.duplicatesSeen += order.replays();
            if (order.otherOrderIds() > 0) {
                accounting.duplicate(order.orderId() + ": its Idempotency-Key placed another order");
            }
            Optional<String> status = finalStatus.apply(order.orderId());
            if (status.isPresent()) {
                finalOrders++;
                if (order.firstAttemptAt().isBefore(repairedAt)) {
                    Instant at = finalAt.apply(order.orderId()).orElse(lastFinal);
                    lastFinal = at.isAfter(lastFinal) ? at : lastFinal;
                }
            }
            int orderCharges = charges.getOrDefault(order.orderId(), 0);
            charged += orderCharges;
            accounting.check(order, status, payments.getOrDefault(order.orderId(), Optional.empty()), orderCharges,
                    events.of(order.orderId()));
        }
        return new ScenarioResult(scenario, accepted, finalOrders, charged, accounting.duplicatesSeen,
                accounting.duplicateEffects, accounting.lost, accounting.wrong, deadLetters,
                Duration.between(repairedAt, lastFinal), List.copyOf(accounting.problems));
    }

    private void check(PlacedOrder order, Optional<String> status, Optional<String> payment, int charges,
                       List<EventLog.Event> events) {
        String id = order.orderId();
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
