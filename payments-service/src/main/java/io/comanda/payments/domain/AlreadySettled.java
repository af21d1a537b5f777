package io.comanda.payments.domain;

import java.util.Set;
import java.util.UUID;

/**
 * Of a batch, what was settled before.
 *
 * @param eventIds the events already recorded in the inbox
 * @param orderIds the orders already paid
 */
public record AlreadySettled(Set<UUID> eventIds, Set<UUID> orderIds) {
}
