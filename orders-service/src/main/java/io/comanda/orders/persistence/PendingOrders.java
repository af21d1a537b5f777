package io.comanda.orders.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders still waiting for their payment outcome, a page at a time in (created_at, id) order: each page
 * starts after the last order of the one before, so orders that cannot be settled and stay PENDING never
 * hide younger ones.
 */
@ApplicationScoped
public class PendingOrders {

    // Oldest first, on the partial index of PENDING orders by (created_at, id).
    private static final String FIRST_PAGE = """
            select id, created_at from customer_order
             where status = 'PENDING' and created_at < now() - make_interval(secs => $1)
             order by created_at, id limit $2
            """;
    private static final String NEXT_PAGE = """
            select id, created_at from customer_order
             where status = 'PENDING' and created_at < now() - make_interval(secs => $1)
               and (created_at, id) > ($3::timestamptz, $4::uuid)
             order by created_at, id limit $2
            """;

    private final Pool pool;

    public PendingOrders(Pool pool) {
        this.pool = pool;
    }

    /**
     * At most {@code limit} orders PENDING for longer than {@code age}, oldest first, after {@code after}
     * (null for the first page).
     */
    public Uni<List<PendingOrderKey>> olderThan(Duration age, PendingOrderKey after, int limit) {
        double seconds = age.toMillis() / 1000.0;
        Uni<RowSet<Row>> rows = after == null
                ? pool.preparedQuery(FIRST_PAGE).execute(Tuple.of(seconds, limit))
                : pool.preparedQuery(NEXT_PAGE).execute(Tuple.of(seconds, limit,
                        after.createdAt().atOffset(ZoneOffset.UTC), after.id()));
        return rows.map(found -> {
            List<PendingOrderKey> page = new ArrayList<>();
            for (Row row : found) {
                page.add(new PendingOrderKey(row.getOffsetDateTime("created_at").toInstant(), row.getUUID("id")));
            }
            return page;
        });
    }
}
