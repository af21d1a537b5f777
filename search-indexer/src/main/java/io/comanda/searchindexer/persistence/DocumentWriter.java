package io.comanda.searchindexer.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.searchindexer.domain.DocumentChange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Applies document changes with one set-based statement per table: the changes travel as arrays,
 * {@code unnest} turns them into rows, and one conditional upsert applies the version rule of
 * {@link DocumentChange} - the status part only from a newer version, the placement part only while
 * missing - so an older or repeated event writes nothing at all. Changes must be of distinct orders.
 */
@ApplicationScoped
public class DocumentWriter {

    private static final String UPSERT = """
            insert into %1$s as doc (order_id, customer_id, version, status, cancellation_reason, changed_at,
                                     total_amount, currency, lines, line_text, note, placed_at)
            select c.order_id, c.customer_id, c.version, c.status, c.cancellation_reason, c.changed_at,
                   c.total_amount, c.currency, c.lines::jsonb, c.line_text, c.note, c.placed_at
            from unnest($1::uuid[], $2::text[], $3::int8[], $4::text[], $5::text[], $6::timestamptz[],
                        $7::int8[], $8::text[], $9::text[], $10::text[], $11::text[], $12::timestamptz[])
                 as c(order_id, customer_id, version, status, cancellation_reason, changed_at,
                      total_amount, currency, lines, line_text, note, placed_at)
            on conflict (order_id) do update set
                version             = greatest(doc.version, excluded.version),
                status              = case when excluded.version > doc.version then excluded.status else doc.status end,
                cancellation_reason = case when excluded.version > doc.version then excluded.cancellation_reason
                                           else doc.cancellation_reason end,
                changed_at          = case when excluded.version > doc.version then excluded.changed_at else doc.changed_at end,
                total_amount        = coalesce(doc.total_amount, excluded.total_amount),
                currency            = coalesce(doc.currency, excluded.currency),
                lines               = coalesce(doc.lines, excluded.lines),
                line_text           = case when doc.lines is null then excluded.line_text else doc.line_text end,
                note                = case when doc.lines is null then excluded.note else doc.note end,
                placed_at           = case when doc.lines is null then excluded.placed_at else doc.placed_at end
            where excluded.version > doc.version or (doc.lines is null and excluded.lines is not null)
            """;

    private final Pool pool;
    private final ObjectMapper json = new ObjectMapper();

    public DocumentWriter(Pool pool) {
        this.pool = pool;
    }

    /**
     * Applies the changes to the live table, and to a rebuild's table while one runs (on any instance), in
     * one transaction. The live table is written first: its row locks keep a rebuild from swapping its
     * table in between the look and the write, and a rebuild whose table appears after the look replays
     * these events itself (it reads the topic up to where it stood after creating the table).
     */
    public Uni<Void> apply(List<DocumentChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple arrays = arrays(changes);
        return pool.withTransaction(connection -> upsert(connection, IndexTables.LIVE, arrays)
                .chain(() -> connection.query(IndexTables.REBUILDING).execute())
                .chain(rows -> rows.iterator().next().getBoolean("rebuilding")
                        ? upsert(connection, IndexTables.FRESH, arrays) : Uni.createFrom().voidItem()));
    }

    /** Applies the changes to one table, e.g. a rebuild's. */
    public Uni<Void> applyTo(String table, List<DocumentChange> changes) {
        return changes.isEmpty() ? Uni.createFrom().voidItem() : upsert(pool, table, arrays(changes));
    }

    private static Uni<Void> upsert(SqlClient client, String table, Tuple arrays) {
        return client.preparedQuery(UPSERT.formatted(table)).execute(arrays).replaceWithVoid();
    }

    private Tuple arrays(List<DocumentChange> changes) {
        int n = changes.size();
        List<Object> columns = new ArrayList<>(12);
        columns.add(changes.stream().map(DocumentChange::orderId).toArray(java.util.UUID[]::new));
        columns.add(changes.stream().map(DocumentChange::customerId).toArray(String[]::new));
        columns.add(changes.stream().map(DocumentChange::version).toArray(Long[]::new));
        columns.add(changes.stream().map(c -> c.status().name()).toArray(String[]::new));
        columns.add(changes.stream().map(DocumentChange::cancellationReason).toArray(String[]::new));
        columns.add(changes.stream().map(c -> utc(c.changedAt())).toArray(OffsetDateTime[]::new));
        columns.add(changes.stream().map(c -> c.total() == null ? null : c.total().amount()).toArray(Long[]::new));
        columns.add(changes.stream().map(c -> c.total() == null ? null : c.total().currency()).toArray(String[]::new));
        String[] lines = new String[n];
        String[] lineText = new String[n];
        String[] notes = new String[n];
        OffsetDateTime[] placedAt = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            DocumentChange.Placement placement = changes.get(i).placement();
            if (placement != null) {
                lines[i] = write(placement.lines());
                lineText[i] = searchableText(placement.lines());
                notes[i] = placement.note();
                placedAt[i] = utc(placement.placedAt());
            }
        }
        columns.add(lines);
        columns.add(lineText);
        columns.add(notes);
        columns.add(placedAt);
        return Tuple.from(columns);
    }

    /** Product names and skus: what a text search matches besides the note. */
    static String searchableText(List<DocumentChange.Line> lines) {
        return lines.stream().flatMap(l -> java.util.stream.Stream.of(l.name(), l.sku()))
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
    }

    private String write(List<DocumentChange.Line> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write lines as JSON", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
