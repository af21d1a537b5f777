package io.comanda.orders.domain;

import io.comanda.events.ComandaEvent;
import io.comanda.events.Money;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/** Where settlements are applied: once per event of a consumer, with their announcement, in one transaction. */
public interface SettlementStore {

    /**
     * Applies {@code settlement} to the order once per {@code eventId} of {@code consumer}, and stores
     * the event {@code announcement} makes of the settled order, all in one transaction.
     *
     * @param customerId the customer the outcome names, which must be the order's
     * @param amount     the amount the outcome names, which must be the order's total
     * @param check      may fail the transaction (rolling back the inbox record) after seeing the result
     */
    Uni<SettlementResult> settle(String consumer, UUID eventId, UUID orderId, String customerId, Money amount,
                                 Settlement settlement, Instant now, Function<SettlementResult, SettlementResult> check,
                                 Function<SettledOrder, ComandaEvent> announcement);
}
