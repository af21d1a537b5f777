package io.comanda.orders.domain;

import io.comanda.orders.idempotency.IdempotencyRecord;

import java.util.List;
import java.util.Optional;

/**
 * What a placement reads under its key's lock, before it decides.
 *
 * @param locked   whether this transaction holds the key's lock; false: a request with the key is in flight
 * @param existing the key's live record, if any
 * @param products the catalogue entries of the requested skus that exist (none when a record exists)
 */
public record PlacementReading(boolean locked, Optional<IdempotencyRecord> existing, List<Product> products) {
}
