package io.comanda.payments.persistence;

import io.comanda.payments.domain.Payment;
import io.comanda.platform.inbox.InboxEntry;
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

    private static final String SETTLED = "select 'event' as kind, event_id as id from (" + InboxEntry.recorded(1) + """
            ) as recorded
            union all
            select 'order', order_id from payment where order_id = any($3::uuid[])
            union all
            select 'cancelled', order_id from cancelled_order where order_id = any($3::uuid[])
            """;

    // One statement, so one atomic write per batch. Each part keeps its guarantee under a concurrent
    // writer (a rebalance handing a partition over mid-batch): an event already in the inbox records no
    // payment, an order already paid gets no second payment row (the unique order_id), and only a
    // payment row inserted here gets its outcome event (the outbox row whose id the payment keeps).
    // $1-$2 the inbox entries ($2, the event ids, is also the payments' first column), $3-$13 the
    // payments, $14-$22 their outcome events.
    private static final String RECORD = """
            with inboxed as (
            """ + InboxEntry.insertEach(1) + """
            ), paid as (
                insert into payment (id, order_id, customer_id, amount, currency, status, provider_reference,
                                     decline_code, reason, created_at, outcome_event_id)
                select p.id, p.order_id, p.customer_id, p.amount, p.currency, p.status, p.provider_reference,
                       p.decline_code, p.reason, p.created_at, p.outcome_event_id
                from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::bigint[], $7::text[], $8::text[],
                            $9::text[], $10::text[], $11::text[], $12::timestamptz[], $13::uuid[])
                     as p(event_id, id, order_id, customer_id, amount, currency, status, provider_reference,
                          decline_code, reason, created_at, outcome_event_id)
                where p.event_id in (select event_id from inboxed)
                on conflict (order_id) do nothing
                returning outcome_event_id
            )
            """ + OutboxRow.insertEach(14, "id in (select outcome_event_id from paid)");

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
        Tuple values = InboxEntry.bindEach(Tuple.tuple(), 1, consumer, eventIds)
                .addArrayOfUUID(orderIds.toArray(UUID[]::new));
        return pool.preparedQuery(SETTLED).execute(values)
                .map(rows -> {
                    Set<UUID> events = new HashSet<>();
                    Set<UUID> orders = new HashSet<>();
                    Set<UUID> cancelled = new HashSet<>();
                    for (Row row : rows) {
                        switch (row.getString("kind")) {
                            case "event" -> events.add(row.getUUID("id"));
                            case "order" -> orders.add(row.getUUID("id"));
                            default -> cancelled.add(row.getUUID("id"));
                        }
                    }
                    return new Settled(events, orders, cancelled);
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
        List<OutboxRow> outcomes = entries.stream().map(Entry::outcome).toList();
        Tuple values = InboxEntry.bindEach(Tuple.tuple(), 1, consumer, entries.stream().map(Entry::eventId).toList())
                .addArrayOfUUID(payments.stream().map(Payment::id).toArray(UUID[]::new))
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
                // Each payment keeps the id of its outcome event, for readers of its state (see PaymentStates).
                .addArrayOfUUID(outcomes.stream().map(OutboxRow::id).toArray(UUID[]::new));
        OutboxRow.bindEach(values, 14, outcomes);
        return pool.preparedQuery(RECORD).execute(values).replaceWithVoid();
    }

    /**
     * @param eventIds        events the consumer has processed
     * @param orderIds        orders that have a payment
     * @param cancelledOrders orders an operator cancelled
     */
    public record Settled(Set<UUID> eventIds, Set<UUID> orderIds, Set<UUID> cancelledOrders) {
    }

    /**
     * @param eventId the {@code ce_id} of the {@code OrderPlaced} that asked for the payment
     * @param payment the payment
     * @param outcome the outbox row of its outcome event
     */
    public record Entry(UUID eventId, Payment payment, OutboxRow outcome) {
    }
}
