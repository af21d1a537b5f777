package io.comanda.devstack.faults;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the stack's public interfaces hold of one order answered 201.
 *
 * @param finalStatus its final status at orders-service ({@code CONFIRMED} or {@code CANCELLED}); empty while PENDING
 * @param finalAt     when it was first seen final; empty when not seen
 * @param payment     payments-service's payment of it ({@code charged} or {@code declined}); empty when none
 * @param charges     successful charges for it at the Stripe emulator
 * @param events      every record of it on the order and payment topics, copies included
 */
record OrderTrail(Optional<String> finalStatus, Optional<Instant> finalAt, Optional<String> payment, int charges,
                  List<EventLog.Event> events) {

    OrderTrail {
        events = List.copyOf(events);
    }

    /** An order of which the stack holds nothing: not final, no payment, no charge, no event. */
    static OrderTrail nothing() {
        return new OrderTrail(Optional.empty(), Optional.empty(), Optional.empty(), 0, List.of());
    }
}
