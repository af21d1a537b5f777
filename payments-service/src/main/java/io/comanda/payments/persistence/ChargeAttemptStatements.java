package io.comanda.payments.persistence;

/** The statements of {@link ChargeAttempts}. */
final class ChargeAttemptStatements {

    private static final String COLUMNS = "order_id, idempotency_key, key_first_used_at, unresolved, unresolved_since";

    // The rows the insert leaves alone are read from the statement's snapshot, taken before it wrote. A row
    // another consumer inserted after that snapshot is in neither part: its order is retried (see ParallelCharges).
    static final String BEGIN = """
            with begun as (
                insert into charge_attempt (order_id, idempotency_key, key_first_used_at)
                select order_id, idempotency_key, $3 from unnest($1::uuid[], $2::text[]) as a(order_id, idempotency_key)
                on conflict (order_id) do nothing
                returning %1$s
            )
            select %1$s from begun
            union all
            select %1$s from charge_attempt where order_id = any($1::uuid[])
            """.formatted(COLUMNS);

    // $6-$9 the delivery of an attempt that became unresolved (null otherwise), $10 its first try. A resolved
    // attempt forgets its delivery; one unresolved already keeps its own and its schedule.
    static final String NOTE = """
            update charge_attempt a
            set idempotency_key = c.idempotency_key, key_first_used_at = c.key_first_used_at,
                unresolved = c.unresolved, unresolved_since = c.unresolved_since,
                event_id = case when c.unresolved is null then null else coalesce(a.event_id, c.event_id) end,
                placed_order = case when c.unresolved is null then null
                                    else coalesce(a.placed_order, c.placed_order::jsonb) end,
                correlation_id = case when c.unresolved is null then null
                                      else coalesce(a.correlation_id, c.correlation_id) end,
                traceparent = case when c.unresolved is null then null else coalesce(a.traceparent, c.traceparent) end,
                resolve_after = case when c.unresolved is null then null else coalesce(a.resolve_after, $10) end,
                resolve_tries = case when c.unresolved is null then 0 else a.resolve_tries end,
                leased_until = case when c.unresolved is null then null else a.leased_until end
            from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::timestamptz[],
                        $6::uuid[], $7::text[], $8::text[], $9::text[])
                 as c(order_id, idempotency_key, key_first_used_at, unresolved, unresolved_since,
                      event_id, placed_order, correlation_id, traceparent)
            where a.order_id = c.order_id
            """;

    // Held for a lease, so that another instance, or a run that overlaps, takes other charges.
    static final String CLAIM_DUE = """
            update charge_attempt a set leased_until = $3
            from (select order_id from charge_attempt
                  where unresolved is not null and resolve_after <= $1
                    and (leased_until is null or leased_until < $1) and placed_order is not null
                  order by resolve_after limit $2 for update skip locked) due
            where a.order_id = due.order_id
            returning a.order_id, a.idempotency_key, a.key_first_used_at, a.unresolved, a.unresolved_since,
                      a.event_id, a.placed_order, a.correlation_id, a.traceparent, a.resolve_tries,
                      exists (select 1 from cancelled_order c where c.order_id = a.order_id) as cancelled
            """;

    // Only a row that still holds its delivery: one a late batch resolved meanwhile (its payment recorded)
    // must not turn unresolved again without what its resolution needs.
    static final String TRIED_AGAIN = """
            update charge_attempt a
            set idempotency_key = c.idempotency_key, key_first_used_at = c.key_first_used_at,
                unresolved = c.unresolved, unresolved_since = c.unresolved_since,
                resolve_after = c.resolve_after, resolve_tries = a.resolve_tries + 1, leased_until = null
            from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::timestamptz[], $6::timestamptz[])
                 as c(order_id, idempotency_key, key_first_used_at, unresolved, unresolved_since, resolve_after)
            where a.order_id = c.order_id and a.placed_order is not null
            """;

    static final String UNRESOLVED = """
            select count(*) as count, min(unresolved_since) as oldest from charge_attempt where unresolved is not null
            """;

    private ChargeAttemptStatements() {
    }
}
