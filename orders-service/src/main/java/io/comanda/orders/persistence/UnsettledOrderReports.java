package io.comanda.orders.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Which orders reconciliation has reported it cannot settle, and why ({@code unsettled_order_report}):
 * kept across restarts, so each order is reported once, and again only when its reason changes.
 */
@ApplicationScoped
public class UnsettledOrderReports {

    static final int REASON_LENGTH = 600;

    // Returns a row only for a new report or a changed reason: what the caller reports.
    private static final String REPORT = """
            insert into unsettled_order_report (order_id, kind, reason, reported_at) values ($1, $2, $3, $4)
            on conflict (order_id) do update set kind = excluded.kind, reason = excluded.reason,
                   reported_at = excluded.reported_at
             where unsettled_order_report.reason <> excluded.reason
            returning order_id
            """;
    private static final String FORGET_SETTLED = """
            delete from unsettled_order_report r using customer_order o
             where o.id = r.order_id and o.status <> 'PENDING'
            """;
    private static final String COUNT_PENDING = """
            select count(*) as reported, count(*) filter (where r.kind = 'unknown') as unknown
              from unsettled_order_report r join customer_order o on o.id = r.order_id and o.status = 'PENDING'
            """;

    private final Pool pool;

    public UnsettledOrderReports(Pool pool) {
        this.pool = pool;
    }

    /** How many reported orders are still PENDING: all of them, and those payments-service knew nothing of. */
    public record Counts(long reported, long unknown) {
    }

    /**
     * Records that {@code orderId} cannot be settled, and why.
     *
     * @param unknown whether payments-service has no payment for it (else its payment cannot settle it)
     * @return whether this is news: the order was not reported yet, or for another reason
     */
    public Uni<Boolean> report(UUID orderId, boolean unknown, String reason) {
        String stored = reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason;
        return pool.preparedQuery(REPORT).execute(Tuple.of(orderId, unknown ? "unknown" : "unsettleable", stored,
                OffsetDateTime.now())).map(rows -> rows.rowCount() > 0);
    }

    /** Forgets the reports of orders that were settled since; answers how many. */
    public Uni<Integer> forgetSettled() {
        return pool.query(FORGET_SETTLED).execute().map(rows -> rows.rowCount());
    }

    public Uni<Counts> countStillPending() {
        return pool.query(COUNT_PENDING).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new Counts(row.getLong("reported"), row.getLong("unknown"));
        });
    }
}
