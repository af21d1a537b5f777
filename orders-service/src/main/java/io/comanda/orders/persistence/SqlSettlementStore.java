package io.comanda.orders.persistence;

import io.comanda.events.ComandaEvent;
import io.comanda.events.Money;
import io.comanda.orders.domain.Settlement;
import io.comanda.orders.domain.SettlementResult;
import io.comanda.orders.domain.SettlementStore;
import io.comanda.orders.domain.SettledOrder;
import io.comanda.platform.outbox.OutboxRows;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/** Settlements by {@link SettlementWriter}, their announcements as outbox rows. */
@ApplicationScoped
public class SqlSettlementStore implements SettlementStore {

    private final SettlementWriter writer;
    private final OutboxRows outbox;

    public SqlSettlementStore(SettlementWriter writer, OutboxRows outbox) {
        this.writer = writer;
        this.outbox = outbox;
    }

    @Override
    public Uni<SettlementResult> settle(String consumer, UUID eventId, UUID orderId, String customerId, Money amount,
                                        Settlement settlement, Instant now,
                                        Function<SettlementResult, SettlementResult> check,
                                        Function<SettledOrder, ComandaEvent> announcement) {
        return writer.settle(consumer, eventId, orderId, customerId, amount, settlement, now, check,
                order -> outbox.row(announcement.apply(order)));
    }
}
