package io.comanda.orders.domain;

import io.comanda.events.ComandaEvent;
import io.comanda.orders.idempotency.NewIdempotencyRecord;
import io.smallrye.mutiny.Uni;

import java.util.Collection;
import java.util.function.Function;

/** Where placed orders are kept: a placement reads and writes in one transaction of its own. */
public interface PlacementStore {

    /** Runs {@code work} in one transaction: committed when it succeeds, else rolled back. */
    <T> Uni<T> inTransaction(Function<Transaction, Uni<T>> work);

    /** The statements of one placement's transaction. */
    interface Transaction {

        /**
         * Takes the transaction-scoped lock of the key without waiting and, if taken, reads the key's live
         * record and, when there is none, the products of {@code skus}.
         */
        Uni<PlacementReading> lockAndRead(long lockId, String customerId, String key, Collection<String> skus);

        /**
         * Stores the order, the event announcing it (stamped with the trace context the transaction began
         * in) and the key's record.
         *
         * @return false when a live record of the key already existed (a request with the same key
         *         committed after this transaction's reading): nothing of it may commit then
         */
        Uni<Boolean> insert(Order order, ComandaEvent announcement, NewIdempotencyRecord record);
    }
}
