package io.comanda.orders.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Orders still waiting for their payment outcome, found in one statement. */
@ApplicationScoped
public class PendingOrders {

    // Oldest first, on the partial index of PENDING orders: a batch never starves the longest waiting.
    private static final String OLDER_THAN = """
            select id from customer_order
             where status = 'PENDING' and created_at < now() - make_interval(secs => $1)
             order by created_at limit $2
            """;

    private final Pool pool;

    public PendingOrders(Pool pool) {
        this.pool = pool;
    }

    /** At most {@code limit} orders PENDING for longer than {@code age}, oldest first. */
    public Uni<List<UUID>> olderThan(Duration age, int limit) {
        return pool.preparedQuery(OLDER_THAN).execute(Tuple.of(age.toMillis() / 1000.0, limit)).map(rows -> {
            List<UUID> ids = new ArrayList<>();
            for (Row row : rows) {
                ids.add(row.getUUID("id"));
            }
            return ids;
        });
    }
}
