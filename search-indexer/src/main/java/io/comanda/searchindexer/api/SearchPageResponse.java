package io.comanda.searchindexer.api;

import io.comanda.searchindexer.domain.OrderDocument;

import java.util.List;

/**
 * One page of search hits.
 *
 * @param items the orders of this page: best match first for a text search, else newest first
 * @param total how many orders match in all
 * @param next  the link to the next page, or null on the last one
 */
public record SearchPageResponse(List<OrderDocument> items, long total, String next) {
}
