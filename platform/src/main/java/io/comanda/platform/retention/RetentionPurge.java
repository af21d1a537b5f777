package io.comanda.platform.retention;

import io.comanda.platform.sql.ExclusiveRuns;
import io.quarkus.arc.All;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Deletes the rows of every {@link RetainedTable} past their retention on a schedule, so no such table
 * grows without bound: the outbox and the inbox ({@link RetentionConfig}) and whatever tables the
 * service declares. Set-based and batched: each statement deletes at most
 * {@code comanda.retention.batch-size} rows in its own transaction, and the run repeats it until a
 * batch comes back short. A service without one of the tables (it publishes nothing, or consumes
 * nothing) simply has nothing to purge there. Each run first marks where the WAL stands
 * ({@link OutboxPurgeMarks}): an outbox row goes only once its relay has confirmed a later mark. With
 * several instances of a service, one of them runs each scheduled purge ({@link ExclusiveRuns}): two
 * would delete the same oldest rows and wait on each other's row locks.
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);
    private static final String JOB = "retention-purge";

    private final Pool pool;
    private final RetentionConfig config;
    private final List<RetainedTable> tables;
    private final OutboxPurgeMarks outboxMarks;
    private final ExclusiveRuns exclusive;

    public RetentionPurge(Pool pool, RetentionConfig config, @All List<RetainedTable> tables,
                          OutboxPurgeMarks outboxMarks, ExclusiveRuns exclusive) {
        this.pool = pool;
        this.config = config;
        this.tables = tables;
        this.outboxMarks = outboxMarks;
        this.exclusive = exclusive;
    }

    @Scheduled(every = "${comanda.retention.every:15m}", delayed = "${comanda.retention.delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purgeUnlessRunningElsewhere().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Cannot purge the retained tables now (tried again at the next run): %s", failure.getMessage());
            return Optional.empty();
        }).replaceWithVoid();
    }

    /** Runs one purge unless another instance of the service is running one; how many rows it deleted. */
    public Uni<Optional<Long>> purgeUnlessRunningElsewhere() {
        return exclusive.ifNoneRunning(JOB, this::purge);
    }

    /** Runs one purge of every table; answers how many rows were deleted. */
    public Uni<Long> purge() {
        // The outbox's own condition keeps its unpublished rows whatever the marking did: the other tables
        // need not wait for it.
        Uni<Void> marked = outboxMarks.markAndCheck().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Cannot mark the WAL for the outbox purge now: %s", failure.getMessage());
            return null;
        });
        return marked.chain(() -> Multi.createFrom().iterable(tables)
                .onItem().transformToUniAndConcatenate(this::purge)
                .collect().with(Collectors.summingLong(Long::longValue)));
    }

    private Uni<Long> purge(RetainedTable table) {
        return exists(table).chain(exists -> exists ? deleteInBatches(table, new AtomicLong())
                        : Uni.createFrom().item(0L))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("Purged %d %s rows whose %s was more than %s ago", deleted, table.table(),
                                table.timeColumn(), table.retention());
                    }
                });
    }

    private Uni<Long> deleteInBatches(RetainedTable table, AtomicLong deleted) {
        Tuple olderThan = Tuple.of(table.retention().toMillis() / 1000.0, config.batchSize());
        return pool.preparedQuery(table.deleteOldestBatch()).execute(olderThan)
                .chain(result -> {
                    deleted.addAndGet(result.rowCount());
                    return result.rowCount() < config.batchSize() ? Uni.createFrom().item(deleted.get())
                            : deleteInBatches(table, deleted);
                });
    }

    private Uni<Boolean> exists(RetainedTable table) {
        return pool.preparedQuery("select to_regclass($1) is not null as present").execute(Tuple.of(table.table()))
                .map(rows -> rows.iterator().next().getBoolean("present"));
    }
}
