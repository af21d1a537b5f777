package io.comanda.platform.sql;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a background job on one instance of a service at a time: the run holds a PostgreSQL advisory
 * lock, named after the job, in a transaction of its own that stays open while the job runs (its work
 * uses other connections). An instance that finds the lock taken skips its run; a crashed instance's
 * lock is released with its connection. A run of minutes holds the lock on a connection of its own
 * instead ({@link #lockUntilClosed}).
 */
@ApplicationScoped
public class ExclusiveRuns {

    // The first key of every Comanda job lock, so that they never meet another application's locks.
    private static final int JOB_LOCKS = 0x436d6461;
    private static final String TRY_LOCK = "select pg_try_advisory_xact_lock($1, hashtext($2)) as locked";
    private static final String TRY_SESSION_LOCK = "select pg_try_advisory_lock($1, hashtext($2)) as locked";
    // A lock of two int4 keys shows in pg_locks as classid, objid (both oid) and objsubid 2.
    private static final String HELD = """
            select exists(select 1 from pg_locks where locktype = 'advisory' and granted and objsubid = 2
                          and classid = $1::int4::oid and objid = hashtext($2)::oid
                          and database = (select oid from pg_database where datname = current_database())) as held""";

    private final Pool pool;

    public ExclusiveRuns(Pool pool) {
        this.pool = pool;
    }

    /**
     * @param job the job's name, the same on every instance
     * @return the job's result, or empty when another instance is running it
     */
    public <T> Uni<Optional<T>> ifNoneRunning(String job, Supplier<Uni<T>> run) {
        return pool.withTransaction(connection -> connection.preparedQuery(TRY_LOCK).execute(Tuple.of(JOB_LOCKS, job))
                .chain(rows -> rows.iterator().next().getBoolean("locked")
                        ? run.get().map(Optional::ofNullable)
                        : Uni.createFrom().item(Optional.<T>empty())));
    }

    /**
     * Takes the job's lock for as long as the returned connection stays open, without a transaction: for
     * a run of minutes, which an open transaction would make vacuum wait for. Closing the connection (or
     * the instance's death) releases it.
     *
     * @return the connection holding the lock, or empty when another instance holds it
     */
    public Uni<Optional<SqlConnection>> lockUntilClosed(String job) {
        return pool.getConnection().chain(connection -> connection.preparedQuery(TRY_SESSION_LOCK)
                .execute(Tuple.of(JOB_LOCKS, job))
                .map(rows -> rows.iterator().next().getBoolean("locked"))
                .onFailure().call(connection::close)
                .chain(locked -> locked ? Uni.createFrom().item(Optional.of(connection))
                        : connection.close().replaceWith(Optional.<SqlConnection>empty())));
    }

    /** Whether an instance holds the job's lock now, for a run or for a session. */
    public Uni<Boolean> held(String job) {
        return pool.preparedQuery(HELD).execute(Tuple.of(JOB_LOCKS, job))
                .map(rows -> rows.iterator().next().getBoolean("held"));
    }
}
