package io.comanda.platform.retention;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * What keeps the outbox purge from deleting a row the relay has not published. Each purge first marks
 * where the WAL stands ({@code outbox_purge_mark}); an outbox row is deleted only when it was written
 * before a mark whose position the relay's slot has confirmed ({@link #publishedCondition}), so a relay
 * stopped, failed or far behind keeps every row it still has to publish, however old.
 *
 * <p>While the slot is missing, idle or has confirmed nothing, the purge deletes no outbox row at all:
 * it logs why at each run and sets the gauge {@code comanda.retention.outbox.held} to 1 (0 otherwise).
 * Any role may read {@code pg_replication_slots} and {@code pg_current_wal_lsn()}: the service needs no
 * extra grant.
 */
@ApplicationScoped
public class OutboxPurgeMarks {

    private static final Logger LOG = Logger.getLogger(OutboxPurgeMarks.class);
    // PostgreSQL's own rule for slot names; the name is written into the purge's statement.
    private static final Pattern SLOT_NAME = Pattern.compile("[a-z0-9_]{1,63}");

    private static final String MARK = """
            insert into outbox_purge_mark (marked_at, wal_lsn) values (now(), pg_current_wal_lsn())
            on conflict do nothing
            """;
    private static final String SLOT = """
            select active, confirmed_flush_lsn::text as confirmed from pg_replication_slots
             where slot_name = $1 and database = current_database()
            """;
    // Only the newest confirmed mark still decides anything; older ones go.
    private static final String FORGET = """
            delete from outbox_purge_mark where marked_at <
                   (select max(marked_at) from outbox_purge_mark where wal_lsn <= $1::pg_lsn)
            """;

    private final Pool pool;
    private final Optional<String> slot;
    private final AtomicInteger held = new AtomicInteger();

    public OutboxPurgeMarks(Pool pool, RetentionConfig config, MeterRegistry metrics) {
        this.pool = pool;
        this.slot = config.outboxRelaySlot().map(OutboxPurgeMarks::checkedSlotName);
        Gauge.builder("comanda.retention.outbox.held", held, AtomicInteger::get)
                .description("1 while the outbox purge deletes nothing: the relay's slot is missing, idle or unconfirmed")
                .register(metrics);
    }

    /**
     * The condition on an outbox row that it was published: written (by its {@code occurred_at}) more than
     * {@code commitMargin} before the newest mark the streaming slot has confirmed. The margin covers the
     * time between a row's {@code occurred_at} and its commit. Null (deleting nothing) without a slot.
     */
    static String publishedCondition(Optional<String> slot, Duration commitMargin) {
        return slot.map(OutboxPurgeMarks::checkedSlotName).map(name -> """
                occurred_at < (select max(m.marked_at) from outbox_purge_mark m join pg_replication_slots s
                                   on s.slot_name = '%s' and s.database = current_database() and s.active
                                  and m.wal_lsn <= s.confirmed_flush_lsn) - make_interval(secs => %d)"""
                .formatted(name, commitMargin.toSeconds())).orElse("false");
    }

    /** Marks where the WAL stands, reads the relay's slot, forgets marks no purge needs, and reports a hold. */
    Uni<Void> markAndCheck() {
        return holdsEvents().chain(holds -> {
            if (!holds) {
                held.set(0);
                return Uni.createFrom().voidItem();
            }
            return pool.query(MARK).execute().chain(this::slotState).chain(this::conclude);
        });
    }

    private Uni<RelaySlotState> slotState(RowSet<Row> marked) {
        if (slot.isEmpty()) {
            return Uni.createFrom().item(RelaySlotState.unnamed());
        }
        return pool.preparedQuery(SLOT).execute(Tuple.of(slot.get())).map(rows -> {
            Iterator<Row> found = rows.iterator();
            if (!found.hasNext()) {
                return RelaySlotState.missing(slot.get());
            }
            Row row = found.next();
            return new RelaySlotState(slot.get(), true, Boolean.TRUE.equals(row.getBoolean("active")),
                    row.getString("confirmed"));
        });
    }

    private Uni<Void> conclude(RelaySlotState state) {
        Optional<String> hold = state.holdsOutbox();
        held.set(hold.isPresent() ? 1 : 0);
        if (hold.isPresent()) {
            LOG.warnf("The outbox purge deletes no row: %s, so no row is known to be published", hold.get());
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(FORGET).execute(Tuple.of(state.confirmedLsn())).replaceWithVoid();
    }

    // A service that names no relay has nothing to hold while it publishes nothing (an empty outbox).
    private Uni<Boolean> holdsEvents() {
        return pool.query("select to_regclass('outbox_purge_mark') is not null as present").execute()
                .map(rows -> rows.iterator().next().getBoolean("present"))
                .chain(present -> !present || slot.isPresent() ? Uni.createFrom().item(present)
                        : pool.query("select exists (select 1 from outbox) as any").execute()
                                .map(rows -> rows.iterator().next().getBoolean("any")));
    }

    private static String checkedSlotName(String name) {
        if (!SLOT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a replication slot name: " + name);
        }
        return name;
    }
}
