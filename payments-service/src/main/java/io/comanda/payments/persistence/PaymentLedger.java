package io.comanda.payments.persistence;

import io.comanda.payments.domain.Payment;
import io.comanda.platform.outbox.OutboxRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Payments, the inbox and the outbox of payments-service in PostgreSQL, a batch of events at a time
 * with plain SQL: one query finds what is done already, one statement records what was charged.
 */
@ApplicationScoped
public class PaymentLedger {

    private static final String SETTLED = """
            select 'event' as kind, event_id as id from inbox where consumer = $1 and event_id = any($2::uuid[])
            union all
            select 'order', order_id from payment where order_id = any($3::uuid[])
            """;

    // One statement, so one atomic write per batch. Each part keeps its guarantee under a concurrent
    // writer (a rebalance handing a partition over mid-batch): an event already in the inbox records no
    // payment, an order already paid gets no second payment row (the unique order_id), and only a
    // payment row inserted here gets its outcome event.
    private static final String RECORD = """
            with inboxed as (
                insert into inbox (consumer, event_id)
                select $1, event_id from unnest($2::uuid[]) as e(event_id)
                on conflict (consumer, event_id) do nothing
                returning event_id
            ), paid as (
                insert into payment (id, order_id, customer_id, amount, currency, status, provider_reference,
                                     decline_code, reason, created_at, outcome_event_id)
                select p.id, p.order_id, p.customer_id, p.amount, p.currency, p.status, p.provider_reference,
                       p.decline_code, p.reason, p.created_at, p.outcome_event_id
                from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::bigint[], $7::text[], $8::text[],
                            $9::text[], $10::text[], $11::text[], $12::timestamptz[], $23::uuid[])
                     as p(event_id, id, order_id, customer_id, amount, currency, status, provider_reference,
                          decline_code, reason, created_at, outcome_event_id)
                where p.event_id in (select event_id from inboxed)
                on conflict (order_id) do nothing
                returning id
            )
            insert into outbox (id, aggregatetype, aggregateid, type, payload, source, correlation_id, traceparent,
                                occurred_at)
            select r.id, r.aggregatetype, r.aggregateid, r.type, r.payload::jsonb, r.source, r.correlation_id,
                   r.traceparent, r.occurred_at
            from unnest($13::uuid[], $14::uuid[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[],
                        $20::text[], $21::text[], $22::timestamptz[])
                 as r(payment_id, id, aggregatetype, aggregateid, type, payload, source, correlation_id, traceparent,
                      occurred_at)
            where r.payment_id in (select id from paid)
            """;

    private final Pool pool;

    public PaymentLedger(Pool pool) {
        this.pool = pool;
    }

    /**
     * What is done already among a batch's events.
     *
     * @param consumer the inbox's name of the consumer
     */
    public Uni<Settled> settled(String consumer, List<UUID> eventIds, List<UUID> orderIds) {
        return pool.preparedQuery(SETTLED)
                .execute(Tuple.of(consumer, eventIds.toArray(UUID[]::new), orderIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Set<UUID> events = new HashSet<>();
                    Set<UUID> orders = new HashSet<>();
                    for (Row row : rows) {
                        ("event".equals(row.getString("kind")) ? events : orders).add(row.getUUID("id"));
                    }
                    return new Settled(events, orders);
                });
    }

    /**
     * Records the payments of a batch with their events in the inbox and their outcome events in the
     * outbox, in one statement.
     *
     * @param consumer the inbox's name of the consumer
     * @param entries  each payment with the event that asked for it and the outbox row announcing it
     */
    public Uni<Void> record(String consumer, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Payment> payments = entries.stream().map(Entry::payment).toList();
        UUID[] paymentIds = payments.stream().map(Payment::id).toArray(UUID[]::new);
        Tuple values = Tuple.tuple().addString(consumer)
                .addArrayOfUUID(entries.stream().map(Entry::eventId).toArray(UUID[]::new))
                .addArrayOfUUID(paymentIds)
                .addArrayOfUUID(payments.stream().map(Payment::orderId).toArray(UUID[]::new))
                .addArrayOfString(payments.stream().map(Payment::customerId).toArray(String[]::new))
                .addArrayOfLong(payments.stream().map(Payment::amount).toArray(Long[]::new))
                .addArrayOfString(payments.stream().map(Payment::currency).toArray(String[]::new))
                .addArrayOfString(payments.stream().map(p -> p.status().name()).toArray(String[]::new))
                .addArrayOfString(payments.stream().map(Payment::providerReference).toArray(String[]::new))
                .addArrayOfString(payments.stream().map(Payment::declineCode).toArray(String[]::new))
                .addArrayOfString(payments.stream().map(Payment::reason).toArray(String[]::new))
                .addArrayOfOffsetDateTime(payments.stream().map(p -> p.createdAt().atOffset(ZoneOffset.UTC))
                        .toArray(OffsetDateTime[]::new))
                .addArrayOfUUID(paymentIds);
        // The outbox columns as the platform binds them, after the payment each row announces.
        Tuple outbox = OutboxRow.arrays(entries.stream().map(Entry::outcome).toList());
        for (int i = 0; i < outbox.size(); i++) {
            values.addValue(outbox.getValue(i));
        }
        // Each payment keeps the id of its outcome event, for readers of its state (see PaymentStates).
        values.addArrayOfUUID(entries.stream().map(entry -> entry.outcome().id()).toArray(UUID[]::new));
        return pool.preparedQuery(RECORD).execute(values).replaceWithVoid();
    }

    /**
     * @param eventIds events the consumer has processed
     * @param orderIds orders that have a payment
     */
    public record Settled(Set<UUID> eventIds, Set<UUID> orderIds) {
    }

    /**
     * @param eventId the {@code ce_id} of the {@code OrderPlaced} that asked for the payment
     * @param payment the payment
     * @param outcome the outbox row of its outcome event
     */
    public record Entry(UUID eventId, Payment payment, OutboxRow outcome) {
    }
}
