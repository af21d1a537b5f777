package io.comanda.platform.retention;

import java.time.Duration;

/**
 * A table whose rows {@link RetentionPurge} deletes once their time column lies more than a retention in
 * the past. The platform declares the outbox and the inbox ({@link PlatformTables}); a service declares
 * a table of its own by producing one more as a CDI bean, and the same batched purge keeps it bounded.
 *
 * @param table      the table
 * @param timeColumn the time a row is measured from, with an index on it (the purge deletes oldest first)
 * @param retention  how long after that time a row is kept
 * @param condition  a further SQL condition a row must meet to be deleted, e.g. that what it records is
 *                   settled, or null when age alone decides
 */
public record RetainedTable(String table, String timeColumn, Duration retention, String condition) {

    /** A table whose rows are deleted by age alone. */
    public RetainedTable(String table, String timeColumn, Duration retention) {
        this(table, timeColumn, retention, null);
    }

    /**
     * A table whose rows carry their own expiry: a row is deleted once {@code expiresAtColumn} has passed,
     * however long each was written to be kept.
     */
    public static RetainedTable expiring(String table, String expiresAtColumn) {
        return new RetainedTable(table, expiresAtColumn, Duration.ZERO);
    }

    /** This table, of whose rows past their retention only those meeting {@code condition} are deleted. */
    public RetainedTable onlyWhere(String condition) {
        return new RetainedTable(table, timeColumn, retention, condition);
    }

    /**
     * Deletes at most {@code $2} rows whose time column is before {@code now() - $1 seconds} (and that meet
     * the condition), oldest first, found on the table's time index. One bounded statement: the caller
     * repeats it until a batch comes back short.
     */
    String deleteOldestBatch() {
        String also = condition == null ? "" : " and (" + condition + ")";
        return "delete from " + table + " where ctid = any(array(select ctid from " + table
                + " where " + timeColumn + " < now() - make_interval(secs => $1)" + also + " order by " + timeColumn
                + " limit $2))";
    }
}
