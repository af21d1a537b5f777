package io.comanda.orders.idempotency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency records in PostgreSQL, used inside the caller's transaction so the record commits with
 * the order it describes.
 */
@ApplicationScoped
public class IdempotencyStore {

    private final IdempotencyConfig config;

    public IdempotencyStore(IdempotencyConfig config) {
        this.config = config;
    }

    /**
     * Takes the transaction-scoped lock of this customer's key without waiting.
     *
     * @return false when another request with the same key holds it: that request is in flight
     */
    public Uni<Boolean> tryLock(String customerId, IdempotencyKey key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(:id)", Boolean.class)
                .setParameter("id", key.lockId(customerId))
                .getSingleResult());
    }

    /** The record of this customer's key, unless it has expired. */
    public Uni<Optional<IdempotencyRecord>> findLive(String customerId, IdempotencyKey key) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select request_hash, response_status, response_body, response_location
                        from idempotency_record
                        where customer_id = :customer and idempotency_key = :key and expires_at > now()
                        """, Object[].class)
                .setParameter("customer", customerId)
                .setParameter("key", key.value())
                .getResultList())
                .map(IdempotencyStore::firstRecord);
    }

    /** Stores the first response to this key; an expired record of the same key is replaced. */
    public Uni<Void> save(String customerId, IdempotencyKey key, String requestHash, StoredResponse response,
                          Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into idempotency_record (customer_id, idempotency_key, request_hash, response_status,
                                                        response_body, response_location, created_at, expires_at)
                        values (:customer, :key, :hash, :status, :body, :location, :createdAt, :expiresAt)
                        on conflict (customer_id, idempotency_key) do update
                           set request_hash = excluded.request_hash, response_status = excluded.response_status,
                               response_body = excluded.response_body, response_location = excluded.response_location,
                               created_at = excluded.created_at, expires_at = excluded.expires_at
                         where idempotency_record.expires_at <= now()
                        """)
                .setParameter("customer", customerId)
                .setParameter("key", key.value())
                .setParameter("hash", requestHash)
                .setParameter("status", response.status())
                .setParameter("body", response.body())
                .setParameter("location", response.location())
                .setParameter("createdAt", now.atOffset(ZoneOffset.UTC))
                .setParameter("expiresAt", now.plus(config.retention()).atOffset(ZoneOffset.UTC))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Deletes expired records. */
    public Uni<Integer> purgeExpired() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from idempotency_record where expires_at <= now()")
                .executeUpdate());
    }

    private static Optional<IdempotencyRecord> firstRecord(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new IdempotencyRecord(((String) row[0]).trim(),
                new StoredResponse(((Number) row[1]).intValue(), (String) row[2], (String) row[3])));
    }
}
