package io.comanda.searchindexer.rebuild;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The {@code index_rebuild} row: where the last rebuild stands, the same for every instance. Written by
 * the instance that runs the rebuild, at its start, after each batch it applies, and at its end.
 */
@ApplicationScoped
class RebuildRecord {

    private static final String READ = "select state, started_at, finished_at, events_read, error from index_rebuild";
    private static final String WRITE = """
            insert into index_rebuild (state, started_at, finished_at, events_read, error)
            values ($1, $2, $3, $4, $5)
            on conflict (only_row) do update set state = excluded.state, started_at = excluded.started_at,
                finished_at = excluded.finished_at, events_read = excluded.events_read, error = excluded.error""";

    private final Pool pool;

    RebuildRecord(Pool pool) {
        this.pool = pool;
    }

    /** The last rebuild, or {@link RebuildStatus#idle()} when there never was one. */
    Uni<RebuildStatus> read() {
        return pool.query(READ).execute().map(rows -> {
            RowIterator<Row> row = rows.iterator();
            return row.hasNext() ? status(row.next()) : RebuildStatus.idle();
        });
    }

    Uni<Void> write(RebuildStatus status) {
        return pool.preparedQuery(WRITE).execute(Tuple.tuple()
                        .addString(status.state().name())
                        .addOffsetDateTime(utc(status.startedAt()))
                        .addOffsetDateTime(utc(status.finishedAt()))
                        .addLong(status.eventsRead())
                        .addString(status.error()))
                .replaceWithVoid();
    }

    private static RebuildStatus status(Row row) {
        return new RebuildStatus(RebuildStatus.State.valueOf(row.getString("state")),
                instant(row.getOffsetDateTime("started_at")), instant(row.getOffsetDateTime("finished_at")),
                row.getLong("events_read"), row.getString("error"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
