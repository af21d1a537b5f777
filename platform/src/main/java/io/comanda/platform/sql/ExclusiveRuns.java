package io.comanda.platform.sql;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a background job on one instance of a service at a time: the run holds a PostgreSQL advisory
 * lock, named after the job, in a transaction of its own that stays open while the job runs (its work
 * uses other connections). An instance that finds the lock taken skips its run; a crashed instance's
 * lock is released with its connection.
 */
@ApplicationScoped
public class ExclusiveRuns {

    // The first key of every Comanda job lock, so that they never meet another application's locks.
    private static final int JOB_LOCKS = 0x436d6461;
    private static final String TRY_LOCK = "select pg_try_advisory_xact_lock($1, hashtext($2)) as locked";

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
}
