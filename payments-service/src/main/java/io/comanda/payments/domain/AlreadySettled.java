package io.comanda.payments.domain;

import java.util.Set;
import java.util.UUID;

/**
 * What is done already among a batch's events.
 *
 * @param eventIds       the events already recorded in the inbox
 * @param orderIds       the orders already paid
 * @param cancelledOrders the orders an operator cancelled: never charged from then on
 */
public record AlreadySettled(Set<UUID> eventIds, Set<UUID> orderIds, Set<UUID> cancelledOrders) {
}
