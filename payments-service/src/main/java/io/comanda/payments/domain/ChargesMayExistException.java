package io.comanda.payments.domain;

import java.util.List;
import java.util.UUID;

/**
 * Recording a batch failed after the provider was called: some of its orders may be charged, though
 * nothing here says so. Should the record be dead-lettered at last, it is not a plain dead letter: its
 * reason says money may have moved, and discarding it takes a check at the provider first.
 */
public class ChargesMayExistException extends RuntimeException {

    private final List<UUID> orderIds;

    public ChargesMayExistException(List<UUID> orderIds, Throwable cause) {
        super(possibleCharge(orderIds) + ", but the outcome could not be recorded: " + cause.getMessage(), cause);
        this.orderIds = List.copyOf(orderIds);
    }

    /** What may have happened, as a sentence: "Stripe may have charged order ...". */
    public String possibleCharge() {
        return possibleCharge(orderIds);
    }

    private static String possibleCharge(List<UUID> orderIds) {
        return "Stripe may have charged " + describe(orderIds);
    }

    public List<UUID> orderIds() {
        return orderIds;
    }

    private static String describe(List<UUID> orderIds) {
        return orderIds.size() == 1 ? "order " + orderIds.get(0) : orderIds.size() + " orders of this batch";
    }
}
