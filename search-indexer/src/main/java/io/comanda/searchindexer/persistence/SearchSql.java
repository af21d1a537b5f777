package io.comanda.searchindexer.persistence;

import io.comanda.searchindexer.domain.Cursor;
import io.comanda.searchindexer.domain.SearchQuery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one search, with only the conditions it needs: a statement whose filters are all present
 * keeps its indexes usable in PostgreSQL's generic plans, which {@code ($1 is null or ...)} would not.
 */
record SearchSql(String where, List<Object> filterParameters, String keyset, List<Object> keysetParameters,
                 boolean ranked, int limit) {

    private static final String TABLE = IndexTables.LIVE;

    static SearchSql of(SearchQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (query.ranked()) {
            parameters.add(query.text());
            conditions.add("d.search @@ websearch_to_tsquery('english', $1)");
        }
        if (query.customerId() != null) {
            parameters.add(query.customerId());
            conditions.add("d.customer_id = $" + parameters.size());
        }
        if (query.status() != null) {
            parameters.add(query.status().name());
            conditions.add("d.status = $" + parameters.size());
        }
        if (query.from() != null) {
            parameters.add(utc(query.from()));
            conditions.add("d.listed_at >= $" + parameters.size());
        }
        if (query.to() != null) {
            parameters.add(utc(query.to()));
            conditions.add("d.listed_at < $" + parameters.size());
        }
        String where = conditions.isEmpty() ? "true" : String.join(" and ", conditions);
        List<Object> keysetParameters = new ArrayList<>();
        String keyset = "true";
        Cursor after = query.after();
        if (after != null) {
            int position = parameters.size() + 1;
            if (after.ranked()) {
                keysetParameters.add(after.rank());
                keyset = "(rank < $%1$d or (rank = $%1$d and order_id > $%2$d))".formatted(position, position + 1);
            } else {
                keysetParameters.add(utc(after.listedAt()));
                keyset = "(d.listed_at < $%1$d or (d.listed_at = $%1$d and d.order_id > $%2$d))"
                        .formatted(position, position + 1);
            }
            keysetParameters.add(after.orderId());
        }
        return new SearchSql(where, parameters, keyset, keysetParameters, query.ranked(), query.size() + 1);
    }

    /** The page, one row longer than asked for. */
    String page(String columns) {
        if (ranked) {
            // The rank is computed once per match in the inner query; the keyset applies to it outside.
            return """
                    select * from (select %s, ts_rank(d.search, websearch_to_tsquery('english', $1)) as rank
                                   from %s d where %s) ranked
                    where %s order by rank desc, order_id limit %d"""
                    .formatted(columns, TABLE, where, keyset, limit);
        }
        return "select %s from %s d where %s and %s order by d.listed_at desc, d.order_id limit %d"
                .formatted(columns, TABLE, where, keyset, limit);
    }

    List<Object> pageParameters() {
        List<Object> all = new ArrayList<>(filterParameters);
        all.addAll(keysetParameters);
        return all;
    }

    /** How many match in all, and when the newest event the index holds happened (for the lag). */
    String count() {
        return "select (select count(*) from %1$s d where %2$s) as total, (select max(changed_at) from %1$s) as newest"
                .formatted(TABLE, where);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
