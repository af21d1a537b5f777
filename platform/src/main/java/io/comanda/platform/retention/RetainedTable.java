package io.comanda.platform.retention;

import java.time.Duration;

/**
 * A platform table whose rows are deleted once older than a retention: its batched delete statement.
 *
 * @param table      the table
 * @param timeColumn when a row was written
 * @param retention  how long a row is kept
 */
record RetainedTable(String table, String timeColumn, Duration retention) {

    /** The outbox: a row's relay does not need it once its insert is in the slot's WAL. */
    static RetainedTable outbox(Duration retention) {
        return new RetainedTable("outbox", "occurred_at", retention);
    }

    /** The inbox: the processed {@code ce_id}s of every consumer of the service. */
    static RetainedTable inbox(Duration retention) {
        return new RetainedTable("inbox", "processed_at", retention);
    }

    /**
     * Deletes at most {@code $2} rows written before {@code now() - $1 seconds}, oldest first, found on
     * the table's time index. One bounded statement: the caller repeats it until a batch comes back short.
     */
    String deleteOldestBatch() {
        return "delete from " + table + " where ctid = any(array(select ctid from " + table
                + " where " + timeColumn + " < now() - make_interval(secs => $1) order by " + timeColumn
                + " limit $2))";
    }
}
