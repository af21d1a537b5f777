package io.comanda.orders.persistence;

import java.time.Instant;
import java.util.UUID;

/** Where a PENDING order stands in reconciliation's pages: by its creation, then its id. */
public record PendingOrderKey(Instant createdAt, UUID id) {
}
