package io.comanda.searchindexer.domain;

import java.time.Instant;
import java.util.List;

/**
 * A page of search hits.
 *
 * @param items        the documents of this page, best or newest first
 * @param total        how many documents match in all
 * @param next         where the next page starts, or null on the last one
 * @param newestChange when the newest event the index holds happened, or null for an empty index
 */
public record SearchResult(List<OrderDocument> items, long total, Cursor next, Instant newestChange) {
}
