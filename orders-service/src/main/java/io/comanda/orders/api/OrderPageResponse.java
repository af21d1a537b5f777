package io.comanda.orders.api;

import java.util.List;

/**
 * One page of orders, newest first.
 *
 * @param items the orders of this page
 * @param page  the page number, from 0
 * @param size  the page size asked for
 * @param total how many orders match in all
 * @param next  the link to the next page, or null on the last one
 */
public record OrderPageResponse(List<OrderResponse> items, int page, int size, long total, String next) {
}
