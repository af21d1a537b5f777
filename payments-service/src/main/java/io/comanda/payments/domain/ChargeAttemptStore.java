package io.comanda.payments.domain;

import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where each order's charge attempt is kept, so a retry after a crash charges under the same key, and
 * where unresolved charges wait, with what their background resolution needs to record them.
 */
public interface ChargeAttemptStore {

    /** Records a first attempt for each order that has none, its key first used {@code now}, and answers every order's attempt. */
    Uni<Map<UUID, ChargeAttempt>> begin(List<UUID> orderIds, Instant now);

    /**
     * Stores the attempts that changed. An attempt that became unresolved is kept with the delivery that
     * asked for it, due to be resolved after {@code firstTry}; one that is resolved forgets it.
     */
    Uni<Void> note(List<ChargeAttempt> changed, Map<UUID, PlacedOrderDelivery> deliveries, Instant firstTry);

    /**
     * Takes up to {@code limit} unresolved charges due by {@code now}, each held for {@code lease}, so that
     * no other instance resolves it meanwhile.
     */
    Uni<List<UnresolvedCharge>> claimDue(int limit, Instant now, Duration lease);

    /** Records that these unresolved charges were tried once more, each due again at its given time. */
    Uni<Void> triedAgain(List<ChargeAttempt> attempts, Map<UUID, Instant> dueAgain);

    /** How many charges are unresolved, and since when the oldest is. */
    Uni<UnresolvedCharges> unresolved();

    /**
     * An unresolved charge, as its background resolution takes it.
     *
     * @param attempt   the attempt
     * @param delivery  the event that asked for the charge, in its flow
     * @param tries     how often it was tried in the background already
     * @param cancelled whether an operator cancelled the order meanwhile
     */
    record UnresolvedCharge(ChargeAttempt attempt, PlacedOrderDelivery delivery, int tries, boolean cancelled) {
    }

    /**
     * @param count  the unresolved charges
     * @param oldest since when the oldest is unresolved, or null when none is
     */
    record UnresolvedCharges(long count, Instant oldest) {
    }
}
