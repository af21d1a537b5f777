package io.comanda.devstack.faults;

import java.time.Duration;
import java.util.List;

/**
 * What one scenario left behind, counted through the stack's public interfaces.
 *
 * @param scenario        its name
 * @param orders          orders answered 201
 * @param finalOrders     of those, CONFIRMED or CANCELLED
 * @param charges         successful charges at the Stripe emulator for those orders
 * @param duplicatesSeen  deliveries the consumers' inboxes absorbed (events they had applied before, counted by
 *                        each service since its start) and requests replayed under their Idempotency-Key
 * @param duplicateEffects effects that happened twice: a second charge, a second outcome or settlement
 *                        event (another event id) for one order, a second order for one key
 * @param lost            effects that never happened: an order not final, without its payment, without its
 *                        charge, without one of its events, or a placement never answered 201
 * @param wrong           an order in a state its payment method does not lead to, or whose payment disagrees
 * @param deadLetters     dead letters added during the scenario
 * @param notSent         orders the load did not send because its cap of clients in flight was reached: not lost
 *                        (no client was told of them), but the fault was lived through under a thinner load,
 *                        so the scenario proves less and does not count as clean
 * @param recovery        from the repair until the last order placed before it was final
 * @param problems        one line per order that is lost, duplicated or wrong (the first few)
 */
public record ScenarioResult(String scenario, int orders, int finalOrders, int charges, int duplicatesSeen,
                      int duplicateEffects, int lost, int wrong, long deadLetters, long notSent, Duration recovery,
                      List<String> problems) {

    /** Nothing lost, nothing done twice, nothing wrong, nothing parked, and under the whole load. */
    public boolean clean() {
        return duplicateEffects == 0 && lost == 0 && wrong == 0 && deadLetters == 0 && finalOrders == orders
                && notSent == 0;
    }
}
