package io.comanda.searchindexer.rebuild;

import io.comanda.events.EventDeserializationException;
import io.comanda.events.Topic;
import io.comanda.platform.messaging.IncomingEvent;
import io.comanda.platform.messaging.IncomingEvents;
import io.comanda.platform.problem.ProblemException;
import io.comanda.searchindexer.messaging.OrderEventIndexer;
import io.comanda.searchindexer.persistence.DocumentWriter;
import io.comanda.searchindexer.persistence.IndexTables;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the whole index from {@code comanda.orders} while the live one keeps answering: a fresh
 * table is filled from the beginning of the topic up to its end offsets at the start (live events from
 * then on are written to both tables), indexed, and swapped in, in one transaction. Unreadable records
 * are skipped: the live consumer dead-lettered them when they arrived.
 */
@ApplicationScoped
public class IndexRebuild {

    private static final Logger LOG = Logger.getLogger(IndexRebuild.class);

    private final Pool pool;
    private final IndexTables tables;
    private final DocumentWriter writer;
    private final OrderEventIndexer indexer;
    private final String bootstrapServers;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "search-rebuild"));
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.idle());

    public IndexRebuild(Pool pool, IndexTables tables, DocumentWriter writer, OrderEventIndexer indexer,
                        @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.pool = pool;
        this.tables = tables;
        this.writer = writer;
        this.indexer = indexer;
        this.bootstrapServers = bootstrapServers;
    }

    /** A rebuild cut short by a stop leaves its table behind; nothing writes to it after a start. */
    void dropLeftovers(@Observes StartupEvent start) {
        pool.query("drop table if exists " + IndexTables.FRESH).execute().await().indefinitely();
    }

    public RebuildStatus status() {
        return status.get();
    }

    /**
     * Starts a rebuild in the background.
     *
     * @throws ProblemException (409) while one runs
     */
    public RebuildStatus start() {
        RebuildStatus current = status.get();
        RebuildStatus started = RebuildStatus.running(Instant.now(), 0);
        if (current.running() || !status.compareAndSet(current, started)) {
            throw ProblemException.conflict("A rebuild started at " + status.get().startedAt()
                    + " is still running; GET /search/reindex tells when it is done.");
        }
        worker.submit(this::run);
        return started;
    }

    private void run() {
        try {
            pool.query("drop table if exists " + IndexTables.FRESH).execute().await().indefinitely();
            pool.query("select create_order_documents('" + IndexTables.FRESH + "')").execute().await().indefinitely();
            tables.startDualWrites();
            try (TopicReplay replay = TopicReplay.fromBeginning(bootstrapServers, Topic.ORDERS.topicName())) {
                replay.replay(this::apply);
            }
            pool.query("select create_order_documents_indexes('" + IndexTables.FRESH + "')").execute()
                    .await().indefinitely();
            pool.withTransaction(connection -> connection
                            .query("select swap_in_order_documents('" + IndexTables.FRESH + "')").execute())
                    .await().indefinitely();
            tables.stopDualWrites();
            status.updateAndGet(s -> s.done(Instant.now()));
            LOG.infof("Rebuilt the search index from %d records", status.get().eventsRead());
        } catch (RuntimeException e) {
            tables.stopDualWrites();
            LOG.errorf(e, "The rebuild of the search index failed; the live index is unchanged");
            status.updateAndGet(s -> s.failed(Instant.now(), e.getMessage()));
            pool.query("drop table if exists " + IndexTables.FRESH).execute().await().indefinitely();
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
        status.updateAndGet(s -> RebuildStatus.running(s.startedAt(), s.eventsRead() + records.count()));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
