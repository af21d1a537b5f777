package io.comanda.platform.inbox;

import io.comanda.platform.sql.Parameters;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.List;
import java.util.UUID;

/**
 * One consumer's record that it processed an event, and the one way to write it: a service composes
 * {@link #insert(int)} (one event) or {@link #insertEach(int)} (a batch) into the statement of the
 * effect, as a data-modifying CTE, and binds {@link #bind(Tuple, int)} or {@link #bindEach(Tuple, int, String, List)}
 * at the same parameter. Both answer, as {@code event_id}, the events recorded now: the first
 * deliveries, whose effect the rest of the statement may apply. A redelivered event is answered by
 * nothing, and so changes nothing.
 *
 * @param consumer the consumer's name in the inbox (its group or handler)
 * @param eventId  the event's {@code ce_id}
 */
public record InboxEntry(String consumer, UUID eventId) {

    /**
     * Records one entry, {@code $first} the consumer and {@code $(first + 1)} the event id, bound by
     * {@link #bind(Tuple, int)}; answers its {@code event_id} on the first delivery only.
     */
    public static String insert(int first) {
        return record("values ($" + first + ", $" + (first + 1) + ")");
    }

    /**
     * Records the entries of one consumer for many events, {@code $first} the consumer and
     * {@code $(first + 1)} the array of event ids, bound by {@link #bindEach(Tuple, int, String, List)};
     * answers the {@code event_id} of each first delivery among them.
     */
    public static String insertEach(int first) {
        return record("select $" + first + ", event_id from unnest($" + (first + 1) + "::uuid[]) as e(event_id)");
    }

    /**
     * Selects, as {@code event_id}, which of an array of events a consumer has recorded already:
     * {@code $first} the consumer and {@code $(first + 1)} the event ids, bound by
     * {@link #bindEach(Tuple, int, String, List)}.
     */
    public static String recorded(int first) {
        return "select event_id from inbox where consumer = $" + first + " and event_id = any($" + (first + 1)
                + "::uuid[])";
    }

    /** Adds this entry's values to {@code values}, whose next parameter must be {@code $first} of {@link #insert(int)}. */
    public Tuple bind(Tuple values, int first) {
        return Parameters.expectNext(values, first).addString(consumer).addUUID(eventId);
    }

    /**
     * Adds the entries of {@code consumer} for {@code eventIds} to {@code values}, whose next parameter must
     * be {@code $first} of {@link #insertEach(int)} or {@link #recorded(int)}.
     */
    public static Tuple bindEach(Tuple values, int first, String consumer, List<UUID> eventIds) {
        return Parameters.expectNext(values, first).addString(consumer).addArrayOfUUID(eventIds.toArray(UUID[]::new));
    }

    private static String record(String rows) {
        return "insert into inbox (consumer, event_id)\n" + rows
                + "\non conflict (consumer, event_id) do nothing\nreturning event_id";
    }
}
