package io.comanda.devstack.faults;

import io.comanda.devstack.load.PlacedOrder;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link OrderAccounting} counts for one scenario: what the load's clients saw, and what the
 * stack holds of each order they were told of.
 *
 * @param scenario           its name
 * @param repairedAt         when the fault was repaired
 * @param placed             what the load's clients saw, one entry per Idempotency-Key
 * @param trails             what the stack holds of each accepted order, by order id (absent: nothing)
 * @param unaccounted        orders and charges the stack gained during the scenario beyond those of the 201s
 * @param duplicatesAbsorbed deliveries the consumers' inboxes absorbed during the scenario
 * @param deadLetters        dead letters added during the scenario
 * @param notSent            orders the load did not send because its cap of clients in flight was reached
 */
record ScenarioLedger(String scenario, Instant repairedAt, List<PlacedOrder> placed, Map<String, OrderTrail> trails,
                      Unaccounted unaccounted, int duplicatesAbsorbed, long deadLetters, long notSent) {

    ScenarioLedger {
        placed = List.copyOf(placed);
        trails = Map.copyOf(trails);
    }

    /** What the stack holds of the order. */
    OrderTrail trailOf(String orderId) {
        return trails.getOrDefault(orderId, OrderTrail.nothing());
    }
}
