package io.comanda.payments.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The charge attempt of each order in PostgreSQL, a batch at a time, one statement per step: which
 * PaymentIntent an order's charge is, recorded before it is confirmed.
 */
@ApplicationScoped
public class ChargeAttempts {

    // An order with no PaymentIntent recorded begins a new generation; one with a PaymentIntent keeps it.
    // The rows the upsert leaves alone are read from the statement's snapshot, taken before it wrote.
    private static final String BEGIN = """
            with begun as (
                insert into charge_attempt (order_id, generation)
                select order_id, 1 from unnest($1::uuid[]) as o(order_id)
                on conflict (order_id) do update set generation = charge_attempt.generation + 1, updated_at = now()
                where charge_attempt.payment_intent_id is null
                returning order_id, generation, payment_intent_id
            )
            select order_id, generation, payment_intent_id from begun
            union all
            select order_id, generation, payment_intent_id from charge_attempt
            where order_id = any($1::uuid[]) and order_id not in (select order_id from begun)
            """;

    // The first PaymentIntent recorded for an order stands: a concurrent attempt (a partition handed over
    // mid-batch) that opened another gets the recorded one back, and its own is never confirmed.
    private static final String RECORD = """
            with given as (
                select * from unnest($1::uuid[], $2::text[]) as g(order_id, payment_intent_id)
            ), recorded as (
                update charge_attempt a set payment_intent_id = g.payment_intent_id, updated_at = now()
                from given g
                where a.order_id = g.order_id and a.payment_intent_id is null
                returning a.order_id, a.payment_intent_id
            )
            select order_id, payment_intent_id from recorded
            union all
            select order_id, payment_intent_id from charge_attempt
            where order_id in (select order_id from given) and order_id not in (select order_id from recorded)
            """;

    private final Pool pool;

    public ChargeAttempts(Pool pool) {
        this.pool = pool;
    }

    /**
     * Begins the charge attempt of each order.
     *
     * @return per order, its generation and the PaymentIntent an earlier attempt recorded, if any
     */
    public Uni<Map<UUID, Begun>> begin(List<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery(BEGIN).execute(Tuple.of(orderIds.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, Begun> begun = new HashMap<>();
            for (Row row : rows) {
                begun.put(row.getUUID("order_id"),
                        new Begun(row.getInteger("generation"), row.getString("payment_intent_id")));
            }
            return begun;
        });
    }

    /**
     * Records the PaymentIntent opened for each order, unless one is recorded already.
     *
     * @return per order, the PaymentIntent recorded: the one given, or the one recorded first
     */
    public Uni<Map<UUID, String>> record(Map<UUID, String> paymentIntents) {
        if (paymentIntents.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Map.Entry<UUID, String>> entries = List.copyOf(paymentIntents.entrySet());
        Tuple values = Tuple.tuple()
                .addArrayOfUUID(entries.stream().map(Map.Entry::getKey).toArray(UUID[]::new))
                .addArrayOfString(entries.stream().map(Map.Entry::getValue).toArray(String[]::new));
        return pool.preparedQuery(RECORD).execute(values).map(ChargeAttempts::recorded);
    }

    private static Map<UUID, String> recorded(RowSet<Row> rows) {
        Map<UUID, String> recorded = new HashMap<>();
        for (Row row : rows) {
            if (row.getString("payment_intent_id") != null) {
                recorded.put(row.getUUID("order_id"), row.getString("payment_intent_id"));
            }
        }
        return recorded;
    }

    /**
     * @param generation      how many times the order's PaymentIntent was asked for without one recorded
     * @param paymentIntentId the PaymentIntent recorded by an earlier attempt, or null
     */
    public record Begun(int generation, String paymentIntentId) {
    }
}
