package io.comanda.orders;

import io.comanda.devstack.quarkus.TestDatabase;

import java.time.Duration;
import java.util.UUID;

/** Orders written straight to the database, as placement stores them, for tests that decide when one exists. */
final class StoredOrders {

    private StoredOrders() {
    }

    /** A PENDING order of {@code customerId} over {@code amount} EUR, created {@code age} ago, without its lines. */
    static void insertPending(UUID orderId, String customerId, long amount, Duration age) {
        TestDatabase.update("""
                insert into customer_order (id, customer_id, status, total_amount, currency, payment_method,
                                            created_at, updated_at, version)
                values (?, ?, 'PENDING', ?, 'EUR', 'pm_card_visa', now() - make_interval(secs => ?),
                        now() - make_interval(secs => ?), 1)
                """, orderId, customerId, amount, (double) age.toSeconds(), (double) age.toSeconds());
    }

    /** The order's status, or null while there is no such order. */
    static String status(UUID orderId) {
        return TestDatabase.one("select status from customer_order where id = ?", orderId).map(row -> row.get("status"))
                .orElse(null);
    }
}
