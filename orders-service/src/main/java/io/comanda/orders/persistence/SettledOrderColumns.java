package io.comanda.orders.persistence;

import io.comanda.events.Money;
import io.comanda.orders.domain.SettledOrder;
import io.vertx.mutiny.sqlclient.Row;

import java.util.UUID;

/**
 * The order a statement moved out of PENDING, read from the columns its update returned:
 * {@code customer_id, total_amount, currency, created_at, version}, all null when it moved none.
 */
final class SettledOrderColumns {

    private SettledOrderColumns() {
    }

    /** @return the moved order, or null when the statement moved none */
    static SettledOrder read(UUID orderId, Row row) {
        return row.getString("customer_id") == null ? null : new SettledOrder(orderId,
                row.getString("customer_id"), Money.of(row.getLong("total_amount"), row.getString("currency")),
                row.getOffsetDateTime("created_at").toInstant(), row.getLong("version"));
    }
}
