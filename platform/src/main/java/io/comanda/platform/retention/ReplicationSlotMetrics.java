package io.comanda.platform.retention;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Gauges of the replication slots of the service's database (the outbox relay's), read from
 * {@code pg_replication_slots} every {@code comanda.replication-slots.read-every} (30 s):
 * <ul>
 *   <li>{@code comanda_replication_slot_retained_wal_bytes{slot}}: WAL the server keeps for the slot
 *       (current WAL position minus its restart position), what {@code max_slot_wal_keep_size} caps;</li>
 *   <li>{@code comanda_replication_slot_lag_bytes{slot}}: WAL written since the relay last confirmed,
 *       how far the relay is behind;</li>
 *   <li>{@code comanda_replication_slot_active{slot}}: 1 while a relay streams from it;</li>
 *   <li>{@code comanda_replication_slot_wal_at_risk{slot}}: 1 once the slot retains more than the cap
 *       ({@code wal_status} {@code unreserved}) or has lost WAL it needed ({@code lost}).</li>
 * </ul>
 * Any role may read the view and {@code pg_current_wal_lsn()}: the service needs no extra grant. A
 * service whose database has no slot shows no series.
 */
@ApplicationScoped
public class ReplicationSlotMetrics {

    private static final Logger LOG = Logger.getLogger(ReplicationSlotMetrics.class);

    private static final String SLOTS = """
            select slot_name, active, wal_status,
                   coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0) as retained_bytes,
                   coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0) as lag_bytes
              from pg_replication_slots
             where database = current_database()
            """;

    private final Pool pool;
    private final MultiGauge retained;
    private final MultiGauge lag;
    private final MultiGauge active;
    private final MultiGauge atRisk;

    public ReplicationSlotMetrics(Pool pool, MeterRegistry metrics) {
        this.pool = pool;
        this.retained = gauge("comanda.replication.slot.retained.wal.bytes",
                "WAL PostgreSQL keeps for the replication slot", metrics);
        this.lag = gauge("comanda.replication.slot.lag.bytes", "WAL written since the slot's relay last confirmed",
                metrics);
        this.active = gauge("comanda.replication.slot.active", "1 while a relay streams from the slot", metrics);
        this.atRisk = gauge("comanda.replication.slot.wal.at.risk",
                "1 once the slot retains more WAL than max_slot_wal_keep_size, or has lost WAL it needed", metrics);
    }

    @Scheduled(every = "${comanda.replication-slots.read-every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return read().onFailure().recoverWithItem(failure -> {
            LOG.debugf("Cannot read the replication slots now: %s", failure.getMessage());
            return null;
        });
    }

    /** Reads the slots once and sets the gauges; a slot that is gone loses its series. */
    public Uni<Void> read() {
        return pool.query(SLOTS).execute().invoke(rows -> {
            List<Row> slots = new ArrayList<>();
            rows.forEach(slots::add);
            register(retained, slots, row -> row.getNumeric("retained_bytes").doubleValue());
            register(lag, slots, row -> row.getNumeric("lag_bytes").doubleValue());
            register(active, slots, row -> Boolean.TRUE.equals(row.getBoolean("active")) ? 1 : 0);
            register(atRisk, slots, row -> isAtRisk(row.getString("wal_status")) ? 1 : 0);
        }).replaceWithVoid();
    }

    private static boolean isAtRisk(String walStatus) {
        return "unreserved".equals(walStatus) || "lost".equals(walStatus);
    }

    private static void register(MultiGauge gauge, List<Row> slots, ToDoubleFunction<Row> value) {
        gauge.register(slots.stream().<MultiGauge.Row<?>>map(row -> MultiGauge.Row.of(Tags.of("slot", row.getString("slot_name")),
                value.applyAsDouble(row))).toList(), true);
    }

    private static MultiGauge gauge(String name, String description, MeterRegistry metrics) {
        return MultiGauge.builder(name).description(description).register(metrics);
    }
}
