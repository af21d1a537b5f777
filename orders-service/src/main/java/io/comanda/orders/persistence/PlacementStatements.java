package io.comanda.orders.persistence;

import io.comanda.orders.domain.Order;
import io.comanda.orders.domain.OrderLine;
import io.comanda.orders.domain.Product;
import io.comanda.orders.idempotency.IdempotencyRecord;
import io.comanda.orders.idempotency.NewIdempotencyRecord;
import io.comanda.orders.idempotency.StoredResponse;
import io.comanda.platform.outbox.OutboxRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SQL of placing an order, on the reactive client without the ORM: a transaction of two
 * prepared statements, one that reads (the key's lock, its live record, the products) and one that
 * writes (order, lines, outbox row and idempotency record, as data-modifying CTEs).
 */
@ApplicationScoped
public class PlacementStatements {

    /**
     * The reading statement: {@code $1} the key's lock id, {@code $2} the customer, {@code $3} the key,
     * {@code $4} the skus. The lock is taken in a materialized CTE so that it is taken exactly once, before
     * the joins.
     */
    public static final String LOCK_AND_READ = """
            with key_lock as materialized (select pg_try_advisory_xact_lock($1) as locked)
            select key_lock.locked, r.request_hash, r.response_status, r.response_body, r.response_location,
                   p.sku, p.name, p.unit_amount, p.currency, p.active
            from key_lock
            left join idempotency_record r
                   on key_lock.locked and r.customer_id = $2 and r.idempotency_key = $3 and r.expires_at > now()
            left join product p on key_lock.locked and r.customer_id is null and p.sku = any($4::text[])
            """;

    /**
     * The writing statement: {@code $1}-{@code $9} the order's outbox row ({@link OutboxRow#insert(int)}),
     * {@code $10}-{@code $23} the order and its lines, {@code $24}-{@code $30} the key's record.
     */
    public static final String INSERT_PLACED_ORDER = """
            with placed as (
                insert into customer_order (id, customer_id, status, total_amount, currency, payment_method, note,
                                            created_at, updated_at, version)
                values ($10, $11, $12, $13, $14, $15, $16, $17, $17, $18)
            ), lines as (
                insert into order_line (order_id, line_no, sku, name, quantity, unit_amount)
                select $10::uuid, line_no, sku, name, quantity, unit_amount
                from unnest($19::int[], $20::text[], $21::text[], $22::int[], $23::bigint[])
                     as l(line_no, sku, name, quantity, unit_amount)
            ), announced as (
            """ + OutboxRow.insert(1) + """
            ), remembered as (
                insert into idempotency_record (customer_id, idempotency_key, request_hash, response_status,
                                                response_body, response_location, created_at, expires_at)
                values ($11, $24, $25, $26, $27, $28, $29, $30)
                on conflict (customer_id, idempotency_key) do update
                   set request_hash = excluded.request_hash, response_status = excluded.response_status,
                       response_body = excluded.response_body, response_location = excluded.response_location,
                       created_at = excluded.created_at, expires_at = excluded.expires_at
                 where idempotency_record.expires_at <= now()
                returning 1
            )
            select count(*) as remembered from remembered
            """;

    private final Pool pool;

    public PlacementStatements(Pool pool) {
        this.pool = pool;
    }

    /** Runs {@code work} in one transaction on one connection: committed when it succeeds, else rolled back. */
    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /**
     * Takes the transaction-scoped lock of the key without waiting and, if taken, reads the key's live
     * record and, when there is none, the products of {@code skus}.
     */
    public Uni<PlacementReading> lockAndRead(SqlConnection connection, long lockId, String customerId, String key,
                                            Collection<String> skus) {
        Tuple values = Tuple.of(lockId, customerId, key).addArrayOfString(skus.toArray(String[]::new));
        return connection.preparedQuery(LOCK_AND_READ).execute(values).map(PlacementStatements::reading);
    }

    /**
     * Inserts the order, its lines, its outbox row and the key's record in one statement.
     *
     * @return false when a live record of the key already existed (a request with the same key
     *         committed after this transaction's reading): nothing of it may commit then
     */
    public Uni<Boolean> insert(SqlConnection connection, Order order, OutboxRow announcement,
                               NewIdempotencyRecord record) {
        return connection.preparedQuery(INSERT_PLACED_ORDER).execute(values(order, announcement, record))
                .map(rows -> rows.iterator().next().getLong("remembered") == 1);
    }

    private static Tuple values(Order order, OutboxRow announcement, NewIdempotencyRecord record) {
        List<OrderLine> lines = order.lines();
        Tuple values = announcement.bind(Tuple.tuple(), 1)
                .addUUID(order.id()).addString(order.customerId()).addString(order.status().name())
                .addLong(order.total().amount()).addString(order.currency()).addString(order.paymentMethod())
                .addString(order.note()).addOffsetDateTime(order.createdAt().atOffset(ZoneOffset.UTC))
                .addLong(order.version())
                .addArrayOfInteger(lines.stream().map(OrderLine::lineNo).toArray(Integer[]::new))
                .addArrayOfString(lines.stream().map(OrderLine::sku).toArray(String[]::new))
                .addArrayOfString(lines.stream().map(OrderLine::name).toArray(String[]::new))
                .addArrayOfInteger(lines.stream().map(OrderLine::quantity).toArray(Integer[]::new))
                .addArrayOfLong(lines.stream().map(l -> l.unitPrice(order.currency()).amount()).toArray(Long[]::new));
        StoredResponse response = record.response();
        return values.addString(record.key()).addString(record.requestHash()).addInteger(response.status())
                .addString(response.body()).addString(response.location())
                .addOffsetDateTime(record.createdAt().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(record.expiresAt().atOffset(ZoneOffset.UTC));
    }

    private static PlacementReading reading(RowSet<Row> rows) {
        boolean locked = false;
        Optional<IdempotencyRecord> existing = Optional.empty();
        List<Product> products = new ArrayList<>();
        for (Row row : rows) {
            locked = row.getBoolean("locked");
            String requestHash = row.getString("request_hash");
            if (requestHash != null) {
                existing = Optional.of(new IdempotencyRecord(requestHash.trim(), new StoredResponse(
                        row.getInteger("response_status"), row.getString("response_body"),
                        row.getString("response_location"))));
            }
            if (row.getString("sku") != null) {
                products.add(Product.of(row.getString("sku"), row.getString("name"), row.getLong("unit_amount"),
                        row.getString("currency"), row.getBoolean("active")));
            }
        }
        return new PlacementReading(locked, existing, products);
    }

    /**
     * What the reading statement found.
     *
     * @param locked   whether this transaction holds the key's lock; false: a request with the key is in flight
     * @param existing the key's live record, if any
     * @param products the catalogue entries of the requested skus that exist (none when a record exists)
     */
    public record PlacementReading(boolean locked, Optional<IdempotencyRecord> existing, List<Product> products) {
    }
}
