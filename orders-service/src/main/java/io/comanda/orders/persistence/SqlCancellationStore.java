package io.comanda.orders.persistence;

import io.comanda.events.ComandaEvent;
import io.comanda.orders.domain.CancellationResult;
import io.comanda.orders.domain.CancellationStore;
import io.comanda.orders.domain.OperatorCancel;
import io.comanda.orders.domain.OrderStatus;
import io.comanda.orders.domain.SettledOrder;
import io.comanda.platform.outbox.OutboxRow;
import io.comanda.platform.outbox.OutboxRows;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
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
 * Operators' cancels with plain prepared SQL, in one transaction of two statements, as settlements are
 * applied ({@link SettlementWriter}): a conditional update of the PENDING order answering what the
 * announcement needs, then the announcement's outbox row.
 */
@ApplicationScoped
public class SqlCancellationStore implements CancellationStore {

    // status_before is read from the statement's snapshot. The update's "status = 'PENDING'" is re-checked on
    // the locked row, so a cancel racing a payment outcome (or another cancel) for one order moves it only if
    // it is first: a loser finds no row to update though status_before may still say PENDING.
    static final String CANCEL = """
            with cancelled as (
                update customer_order
                   set status = 'CANCELLED', decline_reason = $2, cancelled_by = $3, updated_at = $4,
                       version = version + 1
                 where id = $1 and status = 'PENDING'
                returning customer_id, total_amount, currency, created_at, version
            )
            select (select status from customer_order where id = $1) as status_before,
                   c.customer_id, c.total_amount, c.currency, c.created_at, c.version
            from (values (1)) as one left join cancelled c on true
            """;

    private static final String ANNOUNCE = OutboxRow.insert(1);

    private final Pool pool;
    private final OutboxRows outbox;

    public SqlCancellationStore(Pool pool, OutboxRows outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    @Override
    public Uni<CancellationResult> cancel(UUID orderId, OperatorCancel cancel, Instant now,
                                          Function<SettledOrder, ComandaEvent> announcement) {
        // The outbox row carries the cancelling span as its trace context, though it is written in a callback.
        Context cancelling = Context.current();
        Tuple values = Tuple.tuple().addUUID(orderId).addString(cancel.customerReason()).addString(cancel.operator())
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
        return pool.withTransaction(connection -> connection.preparedQuery(CANCEL).execute(values)
                .map(rows -> result(orderId, rows.iterator().next()))
                .call(result -> result.cancelled() == null ? Uni.createFrom().voidItem()
                        : append(connection, row(announcement.apply(result.cancelled()), cancelling))));
    }

    private OutboxRow row(ComandaEvent event, Context cancelling) {
        try (Scope ignored = cancelling.makeCurrent()) {
            return outbox.row(event);
        }
    }

    private static Uni<Void> append(SqlConnection connection, OutboxRow row) {
        return connection.preparedQuery(ANNOUNCE).execute(row.bind(Tuple.tuple(), 1)).replaceWithVoid();
    }

    private static CancellationResult result(UUID orderId, Row row) {
        String before = row.getString("status_before");
        return new CancellationResult(before == null ? null : OrderStatus.valueOf(before),
                SettledOrderColumns.read(orderId, row));
    }
}
