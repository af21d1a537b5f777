package io.comanda.searchindexer.messaging;

import io.comanda.platform.messaging.BatchConsumerPolicy.Rejection;
import io.comanda.platform.messaging.IncomingEvent;
import io.comanda.searchindexer.domain.DocumentChange;
import io.comanda.searchindexer.persistence.DocumentWriter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Indexes a batch of order events: merges the events of each order into one change (one statement
 * cannot upsert a row twice) and applies them all with one statement. When the database refuses the
 * data of one of them (a class 22 or 23 error, e.g. a NUL character in a note), the statement applied
 * nothing: the changes are applied one by one, and the events of the refused orders are rejected,
 * to be dead-lettered, while the others apply. Other failures propagate, to be retried.
 */
@ApplicationScoped
public class OrderEventIndexer {

    private static final Logger LOG = Logger.getLogger(OrderEventIndexer.class);

    private final DocumentWriter writer;

    public OrderEventIndexer(DocumentWriter writer) {
        this.writer = writer;
    }

    /** Indexes into the live table (and a rebuild's table while one runs). */
    public Uni<List<Rejection>> index(List<IncomingEvent> events) {
        return index(events, writer::apply);
    }

    /**
     * Indexes with the given way of applying changes, e.g. into a rebuild's table only.
     *
     * @return the events whose documents the database refused
     */
    public Uni<List<Rejection>> index(List<IncomingEvent> events, Function<List<DocumentChange>, Uni<Void>> apply) {
        Map<UUID, DocumentChange> changes = new LinkedHashMap<>();
        Map<UUID, List<IncomingEvent>> sources = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            DocumentChange.of(event.event()).ifPresent(change -> {
                changes.merge(change.orderId(), change, DocumentChange::mergedWith);
                sources.computeIfAbsent(change.orderId(), id -> new ArrayList<>()).add(event);
            });
        }
        List<DocumentChange> merged = List.copyOf(changes.values());
        return apply.apply(merged)
                .replaceWith(List.<Rejection>of())
                .onFailure(OrderEventIndexer::refusedData).recoverWithUni(failure -> {
                    LOG.warnf("A batch of %d changes was refused (%s); applying them one by one", merged.size(),
                            failure.getMessage());
                    return oneByOne(merged, sources, apply);
                });
    }

    private static Uni<List<Rejection>> oneByOne(List<DocumentChange> changes, Map<UUID, List<IncomingEvent>> sources,
                                                 Function<List<DocumentChange>, Uni<Void>> apply) {
        return Multi.createFrom().iterable(changes)
                .onItem().transformToUniAndConcatenate(change -> apply.apply(List.of(change))
                        .replaceWith(List.<Rejection>of())
                        .onFailure(OrderEventIndexer::refusedData).recoverWithItem(failure ->
                                sources.get(change.orderId()).stream()
                                        .map(event -> new Rejection(event, new IllegalArgumentException(
                                                "the database refuses the document of order " + change.orderId()
                                                        + ": " + failure.getMessage(), failure)))
                                        .toList()))
                .collect().asList()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    /** Data exceptions (22) and integrity violations (23): retrying the same data cannot succeed. */
    static boolean refusedData(Throwable failure) {
        return failure instanceof PgException pg && pg.getSqlState() != null
                && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"));
    }
}
