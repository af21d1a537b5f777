package io.comanda.searchindexer.rebuild;

import io.comanda.events.EventDeserializationException;
import io.comanda.events.Topic;
import io.comanda.platform.messaging.IncomingEvent;
import io.comanda.platform.messaging.IncomingEvents;
import io.comanda.platform.problem.ProblemException;
import io.comanda.platform.sql.ExclusiveRuns;
import io.comanda.searchindexer.messaging.OrderEventIndexer;
import io.comanda.searchindexer.persistence.DocumentWriter;
import io.comanda.searchindexer.persistence.IndexTables;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds the whole index from {@code comanda.orders} while the live one keeps answering: a fresh
 * table is filled from the beginning of the topic up to its end offsets at the start (live events from
 * then on are written to both tables, by every instance: {@link DocumentWriter}), indexed, and swapped
 * in, in one transaction. Unreadable records are skipped: the live consumer dead-lettered them when they
 * arrived. One rebuild at a time across all instances: the instance that runs it holds the job's lock
 * ({@link ExclusiveRuns#lockUntilClosed}) and keeps the {@link RebuildRecord} that every instance reports.
 */
@ApplicationScoped
public class IndexRebuild {

    private static final Logger LOG = Logger.getLogger(IndexRebuild.class);
    private static final String JOB = "search-rebuild";
    private static final Duration DATABASE_WITHIN = Duration.ofSeconds(30);
    static final String STOPPED = "the instance running it stopped before it was done";

    private final Pool pool;
    private final DocumentWriter writer;
    private final OrderEventIndexer indexer;
    private final ExclusiveRuns exclusive;
    private final RebuildRecord record;
    private final String bootstrapServers;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "search-rebuild"));

    public IndexRebuild(Pool pool, DocumentWriter writer, OrderEventIndexer indexer, ExclusiveRuns exclusive,
                        RebuildRecord record, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.pool = pool;
        this.writer = writer;
        this.indexer = indexer;
        this.exclusive = exclusive;
        this.record = record;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * A rebuild cut short by a stop leaves its table behind, and its row RUNNING: both are cleared when
     * this instance starts, unless another instance is rebuilding right now (its table is in use).
     */
    void dropLeftovers(@Observes StartupEvent start) {
        exclusive.ifNoneRunning(JOB, () -> pool.query("drop table if exists " + IndexTables.FRESH).execute()
                        .chain(record::read)
                        .chain(last -> last.running() ? record.write(last.failed(Instant.now(), STOPPED))
                                : Uni.createFrom().voidItem()))
                .await().atMost(DATABASE_WITHIN);
    }

    /** The last rebuild on any instance. */
    public RebuildStatus status() {
        RebuildStatus last = record.read().await().atMost(DATABASE_WITHIN);
        if (!last.running() || exclusive.held(JOB).await().atMost(DATABASE_WITHIN)) {
            return last;
        }
        // Nobody holds the lock: either the rebuild just ended (read again) or its instance died.
        RebuildStatus again = record.read().await().atMost(DATABASE_WITHIN);
        return again.running() ? again.failed(null, STOPPED) : again;
    }

    /**
     * Starts a rebuild in the background, on this instance.
     *
     * @throws ProblemException (409) while one runs on any instance
     */
    public RebuildStatus start() {
        SqlConnection lock = exclusive.lockUntilClosed(JOB).await().atMost(DATABASE_WITHIN)
                .orElseThrow(() -> ProblemException.conflict("A rebuild started at " + status().startedAt()
                        + " is still running; GET /search/reindex tells when it is done."));
        try {
            RebuildStatus started = RebuildStatus.running(Instant.now(), 0);
            record.write(started).await().atMost(DATABASE_WITHIN);
            worker.submit(() -> run(started, lock));
            return started;
        } catch (RuntimeException e) {
            lock.close().await().atMost(DATABASE_WITHIN);
            throw e;
        }
    }

    private void run(RebuildStatus started, SqlConnection lock) {
        AtomicLong read = new AtomicLong();
        try {
            pool.query("drop table if exists " + IndexTables.FRESH).execute().await().indefinitely();
            pool.query("select create_order_documents('" + IndexTables.FRESH + "')").execute().await().indefinitely();
            // The table exists now, so every instance writes what it applies from here on to it as well; the
            // replay below covers what came before, up to the topic's ends read after this point.
            try (TopicReplay replay = TopicReplay.fromBeginning(bootstrapServers, Topic.ORDERS.topicName())) {
                replay.replay(records -> {
                    apply(records);
                    record.write(RebuildStatus.running(started.startedAt(), read.addAndGet(records.count())))
                            .await().atMost(DATABASE_WITHIN);
                });
            }
            pool.query("select create_order_documents_indexes('" + IndexTables.FRESH + "')").execute()
                    .await().indefinitely();
            pool.withTransaction(connection -> connection
                            .query("select swap_in_order_documents('" + IndexTables.FRESH + "')").execute())
                    .await().indefinitely();
            record.write(RebuildStatus.running(started.startedAt(), read.get()).done(Instant.now()))
                    .await().atMost(DATABASE_WITHIN);
            LOG.infof("Rebuilt the search index from %d records", read.get());
        } catch (RuntimeException e) {
            LOG.errorf(e, "The rebuild of the search index failed; the live index is unchanged");
            try {
                pool.query("drop table if exists " + IndexTables.FRESH).execute().await().atMost(DATABASE_WITHIN);
                record.write(RebuildStatus.running(started.startedAt(), read.get()).failed(Instant.now(), e.getMessage()))
                        .await().atMost(DATABASE_WITHIN);
            } catch (RuntimeException cleanup) {
                LOG.warnf("The failed rebuild's table or row could not be cleared now (cleared at a start): %s",
                        cleanup.getMessage());
            }
        } finally {
            lock.close().await().atMost(DATABASE_WITHIN);
        }
    }

    private void apply(ConsumerRecords<String, byte[]> records) {
        List<IncomingEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(IncomingEvents.read(record.headers(), record.value()));
            } catch (EventDeserializationException e) {
                LOG.debugf("Skipped unreadable record %s-%d@%d", record.topic(), record.partition(), record.offset());
            }
        }
        int refused = indexer.index(events, changes -> writer.applyTo(IndexTables.FRESH, changes))
                .await().indefinitely().size();
        if (refused > 0) {
            LOG.warnf("The rebuild skipped %d events whose documents the database refuses", refused);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
