package io.comanda.payments.persistence;

import io.comanda.payments.domain.PaymentStore.ChargedPayment;
import io.comanda.payments.domain.PaymentStore.Refund;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Cancelled orders and the refunds of their payments, in PostgreSQL with plain SQL. */
@ApplicationScoped
public class PaymentRefunds {

    private static final String CHARGED_NOT_REFUNDED = """
            select order_id, provider_reference from payment
            where order_id = any($1::uuid[]) and status = 'SUCCEEDED' and refund_reference is null
            """;

    private static final String CANCEL = """
            with cancelled as (
                insert into cancelled_order (order_id, cancelled_at)
                select order_id, now() from unnest($1::uuid[]) as c(order_id)
                on conflict (order_id) do nothing
            )
            """ + CHARGED_NOT_REFUNDED;

    private static final String CANCELLED_AND_CHARGED = """
            select p.order_id, p.provider_reference from payment p join cancelled_order c on c.order_id = p.order_id
            where p.status = 'SUCCEEDED' and p.refund_reference is null limit $1
            """;

    private static final String REFUNDED = """
            update payment p set refund_reference = r.refund_reference, refunded_at = now()
            from unnest($1::uuid[], $2::text[]) as r(order_id, refund_reference)
            where p.order_id = r.order_id and p.refund_reference is null
            """;

    private final Pool pool;

    public PaymentRefunds(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ChargedPayment>> cancel(List<UUID> orderIds) {
        return pool.preparedQuery(CANCEL).execute(Tuple.of(orderIds.toArray(UUID[]::new))).map(PaymentRefunds::charged);
    }

    public Uni<List<ChargedPayment>> chargedNotRefunded(List<UUID> orderIds) {
        return pool.preparedQuery(CHARGED_NOT_REFUNDED).execute(Tuple.of(orderIds.toArray(UUID[]::new)))
                .map(PaymentRefunds::charged);
    }

    public Uni<List<ChargedPayment>> cancelledAndCharged(int limit) {
        return pool.preparedQuery(CANCELLED_AND_CHARGED).execute(Tuple.of(limit)).map(PaymentRefunds::charged);
    }

    public Uni<Void> refunded(List<Refund> refunds) {
        if (refunds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(REFUNDED).execute(Tuple.tuple()
                        .addArrayOfUUID(refunds.stream().map(Refund::orderId).toArray(UUID[]::new))
                        .addArrayOfString(refunds.stream().map(Refund::refundReference).toArray(String[]::new)))
                .replaceWithVoid();
    }

    private static List<ChargedPayment> charged(RowSet<Row> rows) {
        List<ChargedPayment> charged = new ArrayList<>();
        for (Row row : rows) {
            charged.add(new ChargedPayment(row.getUUID("order_id"), row.getString("provider_reference")));
        }
        return charged;
    }
}
