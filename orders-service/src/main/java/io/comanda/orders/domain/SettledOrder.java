package io.comanda.orders.domain;

import io.comanda.events.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * An order just moved out of PENDING.
 *
 * @param version its version after the change
 */
public record SettledOrder(UUID orderId, String customerId, Money total, Instant createdAt, long version) {
}
