package io.comanda.orders.domain;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

/** This service's dead letters that wait on an order, e.g. a payment outcome parked before its order was seen. */
public interface WaitingDeadLetters {

    /**
     * Takes the order's waiting dead letters off the list: the order was settled ({@code why}), so what
     * they waited for has happened.
     */
    Uni<Void> orderSettled(UUID orderId, String why);
}
