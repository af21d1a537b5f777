package io.comanda.payments.persistence;

import io.comanda.payments.domain.ChargeAttempt;
import io.comanda.payments.domain.ChargeAttempt.Unresolved;
import io.comanda.payments.domain.ChargeAttemptStore;
import io.comanda.payments.domain.PlacedOrderDelivery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The charge attempt of each order in PostgreSQL, a batch at a time with plain SQL: one statement before
 * the charges records the new attempts and reads the earlier ones; after them, one statement records
 * what changed, which on the usual path is nothing. An unresolved attempt keeps its delivery until its
 * background resolution is done ({@link ChargeAttemptStatements}).
 */
@ApplicationScoped
public class ChargeAttempts implements ChargeAttemptStore {

    private final Pool pool;

    public ChargeAttempts(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Map<UUID, ChargeAttempt>> begin(List<UUID> orderIds, Instant now) {
        if (orderIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<ChargeAttempt> first = orderIds.stream().map(id -> ChargeAttempt.first(id, now)).toList();
        Tuple values = Tuple.tuple().addArrayOfUUID(orderIds.toArray(UUID[]::new))
                .addArrayOfString(first.stream().map(ChargeAttempt::idempotencyKey).toArray(String[]::new))
                .addOffsetDateTime(Timestamps.of(now));
        return pool.preparedQuery(ChargeAttemptStatements.BEGIN).execute(values).map(rows -> {
            Map<UUID, ChargeAttempt> attempts = new HashMap<>();
            for (Row row : rows) {
                attempts.put(row.getUUID("order_id"), attempt(row));
            }
            return attempts;
        });
    }

    @Override
    public Uni<Void> note(List<ChargeAttempt> changed, Map<UUID, PlacedOrderDelivery> deliveries, Instant firstTry) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<StoredPlacedOrder> stored = changed.stream().map(a -> a.isUnresolved() && deliveries.containsKey(a.orderId())
                ? StoredPlacedOrder.of(deliveries.get(a.orderId())) : null).toList();
        Tuple values = keyColumns(changed)
                .addArrayOfUUID(stored.stream().map(s -> s == null ? null : s.eventId()).toArray(UUID[]::new))
                .addArrayOfString(stored.stream().map(s -> s == null ? null : s.orderJson()).toArray(String[]::new))
                .addArrayOfString(stored.stream().map(s -> s == null ? null : s.correlationId()).toArray(String[]::new))
                .addArrayOfString(stored.stream().map(s -> s == null ? null : s.traceparent()).toArray(String[]::new))
                .addOffsetDateTime(Timestamps.of(firstTry));
        return pool.preparedQuery(ChargeAttemptStatements.NOTE).execute(values).replaceWithVoid();
    }

    @Override
    public Uni<List<UnresolvedCharge>> claimDue(int limit, Instant now, Duration lease) {
        return pool.preparedQuery(ChargeAttemptStatements.CLAIM_DUE)
                .execute(Tuple.of(Timestamps.of(now), limit, Timestamps.of(now.plus(lease)))).map(rows -> {
                    List<UnresolvedCharge> due = new ArrayList<>();
                    for (Row row : rows) {
                        StoredPlacedOrder delivery = StoredPlacedOrder.read(row.getUUID("event_id"),
                                String.valueOf(row.getValue("placed_order")), row.getString("correlation_id"),
                                row.getString("traceparent"));
                        due.add(new UnresolvedCharge(attempt(row), delivery, row.getInteger("resolve_tries"),
                                row.getBoolean("cancelled")));
                    }
                    return due;
                });
    }

    @Override
    public Uni<Void> triedAgain(List<ChargeAttempt> attempts, Map<UUID, Instant> dueAgain) {
        if (attempts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple values = keyColumns(attempts).addArrayOfOffsetDateTime(attempts.stream()
                .map(a -> Timestamps.of(dueAgain.get(a.orderId()))).toArray(java.time.OffsetDateTime[]::new));
        return pool.preparedQuery(ChargeAttemptStatements.TRIED_AGAIN).execute(values).replaceWithVoid();
    }

    @Override
    public Uni<UnresolvedCharges> unresolved() {
        return pool.query(ChargeAttemptStatements.UNRESOLVED).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new UnresolvedCharges(row.getLong("count"), Timestamps.instant(row.getOffsetDateTime("oldest")));
        });
    }

    /** $1-$5: each attempt's order, key, window start, why unresolved and since when. */
    private static Tuple keyColumns(List<ChargeAttempt> attempts) {
        return Tuple.tuple()
                .addArrayOfUUID(attempts.stream().map(ChargeAttempt::orderId).toArray(UUID[]::new))
                .addArrayOfString(attempts.stream().map(ChargeAttempt::idempotencyKey).toArray(String[]::new))
                .addArrayOfOffsetDateTime(attempts.stream().map(a -> Timestamps.of(a.keyFirstUsedAt()))
                        .toArray(java.time.OffsetDateTime[]::new))
                .addArrayOfString(attempts.stream().map(a -> name(a.unresolved())).toArray(String[]::new))
                .addArrayOfOffsetDateTime(attempts.stream().map(a -> Timestamps.of(a.unresolvedSince()))
                        .toArray(java.time.OffsetDateTime[]::new));
    }

    private static ChargeAttempt attempt(Row row) {
        return new ChargeAttempt(row.getUUID("order_id"), row.getString("idempotency_key"),
                Timestamps.instant(row.getOffsetDateTime("key_first_used_at")), unresolved(row.getString("unresolved")),
                Timestamps.instant(row.getOffsetDateTime("unresolved_since")));
    }

    private static String name(Unresolved unresolved) {
        return unresolved == null ? null : unresolved.name().toLowerCase().replace('_', '-');
    }

    private static Unresolved unresolved(String name) {
        return name == null ? null : Unresolved.valueOf(name.toUpperCase().replace('-', '_'));
    }
}
