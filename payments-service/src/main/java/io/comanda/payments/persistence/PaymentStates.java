package io.comanda.payments.persistence;

import io.comanda.payments.domain.PaymentState;
import io.comanda.payments.domain.PaymentStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Reads the state of one order's payment with plain reactive SQL. */
@ApplicationScoped
public class PaymentStates {

    // A payment recorded before outcome_event_id existed still has its outbox row (the relay reads the
    // table's inserts and nothing deletes them): its ce_id is the event's real id.
    private static final String BY_ORDER = """
            select p.id, p.order_id, p.customer_id, p.amount, p.currency, p.status, p.provider_reference,
                   p.decline_code, p.reason, p.created_at, p.refund_reference, p.refunded_at,
                   coalesce(p.outcome_event_id,
                            (select o.id from outbox o
                              where o.aggregateid = p.order_id::text and o.type like 'io.comanda.payment.%'
                              order by o.occurred_at limit 1)) as outcome_event_id
            from payment p where p.order_id = $1
            """;

    private final Pool pool;

    public PaymentStates(Pool pool) {
        this.pool = pool;
    }

    /** The payment of {@code orderId}, or null when there is none (yet). */
    public Uni<PaymentState> ofOrder(UUID orderId) {
        return pool.preparedQuery(BY_ORDER).execute(Tuple.of(orderId)).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            return found.hasNext() ? state(found.next()) : null;
        });
    }

    private static PaymentState state(Row row) {
        UUID paymentId = row.getUUID("id");
        UUID eventId = row.getUUID("outcome_event_id");
        return new PaymentState(paymentId, row.getUUID("order_id"), row.getString("customer_id"),
                row.getLong("amount"), row.getString("currency"), PaymentStatus.valueOf(row.getString("status")),
                row.getString("provider_reference"), row.getString("decline_code"), row.getString("reason"),
                eventId != null ? eventId : PaymentState.standInOutcomeEventId(paymentId),
                row.getOffsetDateTime("created_at").toInstant(), row.getString("refund_reference"),
                Timestamps.instant(row.getOffsetDateTime("refunded_at")));
    }
}
