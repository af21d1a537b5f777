package io.comanda.payments.persistence;

import io.comanda.payments.domain.ChargeAttempt;
import io.comanda.payments.domain.ChargeAttemptStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The charge attempt of each order in PostgreSQL, a batch at a time with plain SQL: one statement before
 * the charges records the new attempts and reads the earlier ones; after them, one statement records
 * what changed, which on the usual path is nothing.
 */
@ApplicationScoped
public class ChargeAttempts implements ChargeAttemptStore {

    // The rows the insert leaves alone are read from the statement's snapshot, taken before it wrote. A row
    // another consumer inserted after that snapshot is in neither part: its order is retried (see ParallelCharges).
    private static final String BEGIN = """
            with begun as (
                insert into charge_attempt (order_id, idempotency_key, key_first_used_at)
                select order_id, idempotency_key, $3 from unnest($1::uuid[], $2::text[]) as a(order_id, idempotency_key)
                on conflict (order_id) do nothing
                returning order_id, idempotency_key, key_first_used_at, indeterminate_since
            )
            select order_id, idempotency_key, key_first_used_at, indeterminate_since from begun
            union all
            select order_id, idempotency_key, key_first_used_at, indeterminate_since from charge_attempt
            where order_id = any($1::uuid[])
            """;

    private static final String NOTE = """
            update charge_attempt a
            set idempotency_key = c.idempotency_key, key_first_used_at = c.key_first_used_at,
                indeterminate_since = c.indeterminate_since
            from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[])
                 as c(order_id, idempotency_key, key_first_used_at, indeterminate_since)
            where a.order_id = c.order_id
            """;

    private final Pool pool;

    public ChargeAttempts(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records the first attempt of each order that has none, and reads the attempts of the others.
     *
     * @param now when the new attempts' keys are first used
     * @return the attempt of each order
     */
    @Override
    public Uni<Map<UUID, ChargeAttempt>> begin(List<UUID> orderIds, Instant now) {
        if (orderIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<ChargeAttempt> first = orderIds.stream().map(id -> ChargeAttempt.first(id, now)).toList();
        Tuple values = Tuple.of(orderIds.toArray(UUID[]::new),
                first.stream().map(ChargeAttempt::idempotencyKey).toArray(String[]::new), timestamp(now));
        return pool.preparedQuery(BEGIN).execute(values).map(rows -> {
            Map<UUID, ChargeAttempt> attempts = new HashMap<>();
            for (Row row : rows) {
                attempts.put(row.getUUID("order_id"), new ChargeAttempt(row.getUUID("order_id"),
                        row.getString("idempotency_key"), instant(row.getOffsetDateTime("key_first_used_at")),
                        instant(row.getOffsetDateTime("indeterminate_since"))));
            }
            return attempts;
        });
    }

    /** Records the attempts as they stand after their charges: a new key generation, an indeterminate answer. */
    @Override
    public Uni<Void> note(List<ChargeAttempt> changed) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple values = Tuple.tuple()
                .addArrayOfUUID(changed.stream().map(ChargeAttempt::orderId).toArray(UUID[]::new))
                .addArrayOfString(changed.stream().map(ChargeAttempt::idempotencyKey).toArray(String[]::new))
                .addArrayOfOffsetDateTime(changed.stream().map(a -> timestamp(a.keyFirstUsedAt()))
                        .toArray(OffsetDateTime[]::new))
                .addArrayOfOffsetDateTime(changed.stream().map(a -> timestamp(a.indeterminateSince()))
                        .toArray(OffsetDateTime[]::new));
        return pool.preparedQuery(NOTE).execute(values).replaceWithVoid();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
