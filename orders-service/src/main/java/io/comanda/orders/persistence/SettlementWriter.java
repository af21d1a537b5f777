package io.comanda.orders.persistence;

import io.comanda.events.Money;
import io.comanda.orders.domain.OrderStatus;
import io.comanda.orders.domain.Settlement;
import io.comanda.orders.domain.SettlementResult;
import io.comanda.orders.domain.SettledOrder;
import io.comanda.platform.inbox.InboxEntry;
import io.comanda.platform.outbox.OutboxRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;

/**
 * Settles an order with plain prepared SQL, in one transaction of two statements: the first records
 * the event in the inbox and moves the order from PENDING in one go, answering what the announcement
 * needs; the second appends that announcement to the outbox. Every payment outcome passes here, so
 * it avoids the ORM's entity loading and flushing (six round trips) on the consumer's path.
 */
@ApplicationScoped
public class SettlementWriter {

    // All parts of one statement see the same snapshot: status_before is the order as it was before the
    // update. An outcome whose customer, amount or currency is not the order's moves nothing (matches
    // says so), whatever produced it. The update's own "status = 'PENDING'" is re-checked on the locked row, so of two outcomes
    // racing for one order only one moves it; the inbox's primary key refuses a second delivery.
    static final String SETTLE = """
            with first_delivery as (
            """ + InboxEntry.insert(1) + """
            ), settled as (
                update customer_order
                   set status = $4, decline_reason = coalesce($5, decline_reason), updated_at = $6,
                       version = version + 1
                 where id = $3 and status = 'PENDING' and exists (select 1 from first_delivery)
                   and customer_id = $7 and total_amount = $8 and currency = $9
                returning customer_id, total_amount, currency, created_at, version
            )
            select exists (select 1 from first_delivery) as first_delivery,
                   (select status from customer_order where id = $3) as status_before,
                   (select customer_id = $7 and total_amount = $8 and currency = $9
                      from customer_order where id = $3) as matches,
                   s.customer_id, s.total_amount, s.currency, s.created_at, s.version
            from (values (1)) as one left join settled s on true
            """;

    private static final String ANNOUNCE = OutboxRow.insert(1);

    private final Pool pool;

    public SettlementWriter(Pool pool) {
        this.pool = pool;
    }

    /**
     * Applies {@code settlement} to the order once per {@code eventId} of {@code consumer}, and appends
     * the outbox row {@code announcement} makes of the settled order, all in one transaction.
     *
     * @param customerId the customer the outcome names, which must be the order's
     * @param amount     the amount the outcome names, which must be the order's total
     * @param check      may fail the transaction (rolling back the inbox record) after seeing the outcome
     */
    public Uni<SettlementResult> settle(String consumer, UUID eventId, UUID orderId, String customerId, Money amount,
                                        Settlement settlement, Instant now,
                                        Function<SettlementResult, SettlementResult> check,
                                        Function<SettledOrder, OutboxRow> announcement) {
        Tuple values = new InboxEntry(consumer, eventId).bind(Tuple.tuple(), 1)
                .addUUID(orderId).addString(settlement.status().name()).addString(settlement.declineReason())
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
                .addString(customerId).addLong(amount.amount()).addString(amount.currency());
        return pool.withTransaction(connection -> connection.preparedQuery(SETTLE).execute(values)
                .map(rows -> check.apply(outcome(orderId, rows.iterator().next())))
                .call(outcome -> outcome.settled() == null ? Uni.createFrom().voidItem()
                        : append(connection, announcement.apply(outcome.settled()))));
    }

    private static Uni<Void> append(SqlConnection connection, OutboxRow row) {
        return connection.preparedQuery(ANNOUNCE).execute(row.bind(Tuple.tuple(), 1)).replaceWithVoid();
    }

    private static SettlementResult outcome(UUID orderId, Row row) {
        String before = row.getString("status_before");
        SettledOrder settled = SettledOrderColumns.read(orderId, row);
        return new SettlementResult(row.getBoolean("first_delivery"), before == null ? null : OrderStatus.valueOf(before),
                Boolean.TRUE.equals(row.getBoolean("matches")), settled);
    }

}
