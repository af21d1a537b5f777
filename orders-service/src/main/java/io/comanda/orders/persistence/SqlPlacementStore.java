package io.comanda.orders.persistence;

import io.comanda.events.ComandaEvent;
import io.comanda.orders.domain.Order;
import io.comanda.orders.domain.PlacementReading;
import io.comanda.orders.domain.PlacementStore;
import io.comanda.orders.idempotency.NewIdempotencyRecord;
import io.comanda.platform.outbox.OutboxRow;
import io.comanda.platform.outbox.OutboxRows;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.function.Function;

/** The placement's transaction on {@link PlacementStatements}, its announcement as an outbox row. */
@ApplicationScoped
public class SqlPlacementStore implements PlacementStore {

    private final PlacementStatements statements;
    private final OutboxRows outbox;

    public SqlPlacementStore(PlacementStatements statements, OutboxRows outbox) {
        this.statements = statements;
        this.outbox = outbox;
    }

    @Override
    public <T> Uni<T> inTransaction(Function<Transaction, Uni<T>> work) {
        // The outbox row carries the placing span as its trace context, though it is written in a callback.
        Context placing = Context.current();
        return statements.inTransaction(connection -> work.apply(new OnConnection(connection, placing)));
    }

    private final class OnConnection implements Transaction {

        private final SqlConnection connection;
        private final Context placing;

        private OnConnection(SqlConnection connection, Context placing) {
            this.connection = connection;
            this.placing = placing;
        }

        @Override
        public Uni<PlacementReading> lockAndRead(long lockId, String customerId, String key,
                                                 Collection<String> skus) {
            return statements.lockAndRead(connection, lockId, customerId, key, skus);
        }

        @Override
        public Uni<Boolean> insert(Order order, ComandaEvent announcement, NewIdempotencyRecord record) {
            OutboxRow row;
            try (Scope ignored = placing.makeCurrent()) {
                row = outbox.row(announcement);
            }
            return statements.insert(connection, order, row, record);
        }
    }
}
