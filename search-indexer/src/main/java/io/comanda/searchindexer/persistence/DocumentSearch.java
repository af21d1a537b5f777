package io.comanda.searchindexer.persistence;

import io.comanda.events.Money;
import io.comanda.searchindexer.domain.Cursor;
import io.comanda.searchindexer.domain.DocumentChange;
import io.comanda.searchindexer.domain.DocumentStatus;
import io.comanda.searchindexer.domain.OrderDocument;
import io.comanda.searchindexer.domain.SearchQuery;
import io.comanda.searchindexer.domain.SearchResult;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers a {@link SearchQuery} from the live table: the page and the count run side by side. Text
 * searches match the {@code tsvector} (GIN index) with {@code websearch_to_tsquery} and rank with
 * {@code ts_rank} (product names weigh more than the note); listings follow the
 * {@code (customer_id, listed_at desc)} index. Pages continue after a keyset cursor.
 */
@ApplicationScoped
public class DocumentSearch {

    private static final String COLUMNS = "d.order_id, d.customer_id, d.status, d.cancellation_reason, d.lines, "
            + "d.total_amount, d.currency, d.note, d.placed_at, d.changed_at, d.version, d.listed_at";

    private final Pool pool;

    public DocumentSearch(Pool pool) {
        this.pool = pool;
    }

    public Uni<SearchResult> search(SearchQuery query) {
        SearchSql sql = SearchSql.of(query);
        Uni<RowSet<Row>> page = pool.preparedQuery(sql.page(COLUMNS)).execute(Tuple.from(sql.pageParameters()));
        Uni<RowSet<Row>> count = pool.preparedQuery(sql.count()).execute(Tuple.from(sql.filterParameters()));
        return Uni.combine().all().unis(page, count).with((pageRows, countRows) -> {
            List<Row> rows = new ArrayList<>();
            pageRows.forEach(rows::add);
            // One row more than the page was asked for: its presence says there is a next page.
            boolean more = rows.size() > query.size();
            List<Row> shown = more ? rows.subList(0, query.size()) : rows;
            Cursor next = more ? after(query, shown.get(shown.size() - 1)) : null;
            Row counted = countRows.iterator().next();
            return new SearchResult(shown.stream().map(DocumentSearch::document).toList(), counted.getLong("total"),
                    next, instant(counted.getOffsetDateTime("newest")));
        });
    }

    private static Cursor after(SearchQuery query, Row last) {
        return query.ranked() ? Cursor.afterRank(last.getFloat("rank"), last.getUUID("order_id"))
                : Cursor.afterListed(last.getOffsetDateTime("listed_at").toInstant(), last.getUUID("order_id"));
    }

    private static OrderDocument document(Row row) {
        List<DocumentChange.Line> lines = new ArrayList<>();
        Object json = row.getValue("lines");
        if (json instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                JsonObject line = array.getJsonObject(i);
                lines.add(new DocumentChange.Line(line.getString("sku"), line.getString("name"),
                        line.getInteger("quantity")));
            }
        }
        Long amount = row.getLong("total_amount");
        return new OrderDocument(row.getUUID("order_id"), row.getString("customer_id"),
                DocumentStatus.valueOf(row.getString("status")), row.getString("cancellation_reason"), lines,
                amount == null ? null : Money.of(amount, row.getString("currency")), row.getString("note"),
                instant(row.getOffsetDateTime("placed_at")), instant(row.getOffsetDateTime("changed_at")),
                row.getLong("version"));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
