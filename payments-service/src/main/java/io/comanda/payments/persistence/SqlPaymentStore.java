package io.comanda.payments.persistence;

import io.comanda.payments.domain.AlreadySettled;
import io.comanda.payments.domain.PaymentStore;
import io.comanda.platform.outbox.OutboxRows;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Payments in the {@link PaymentLedger}, their outcome events as outbox rows, their refunds in {@link PaymentRefunds}. */
@ApplicationScoped
public class SqlPaymentStore implements PaymentStore {

    private final PaymentLedger ledger;
    private final PaymentRefunds refunds;
    private final OutboxRows outbox;

    public SqlPaymentStore(PaymentLedger ledger, PaymentRefunds refunds, OutboxRows outbox) {
        this.ledger = ledger;
        this.refunds = refunds;
        this.outbox = outbox;
    }

    @Override
    public Uni<AlreadySettled> settled(String consumer, List<UUID> eventIds, List<UUID> orderIds) {
        return ledger.settled(consumer, eventIds, orderIds)
                .map(settled -> new AlreadySettled(settled.eventIds(), settled.orderIds(), settled.cancelledOrders()));
    }

    @Override
    public Uni<List<ChargedPayment>> cancel(List<UUID> orderIds) {
        return refunds.cancel(orderIds);
    }

    @Override
    public Uni<List<ChargedPayment>> chargedNotRefunded(List<UUID> orderIds) {
        return refunds.chargedNotRefunded(orderIds);
    }

    @Override
    public Uni<List<ChargedPayment>> cancelledAndCharged(int limit) {
        return refunds.cancelledAndCharged(limit);
    }

    @Override
    public Uni<Void> refunded(List<Refund> made) {
        return refunds.refunded(made);
    }

    @Override
    public Uni<Void> record(String consumer, List<RecordedPayment> payments) {
        return ledger.record(consumer, payments.stream().map(this::entry).toList());
    }

    private PaymentLedger.Entry entry(RecordedPayment recorded) {
        // Stamped in the event's own context: its flow's correlation id and trace parent.
        return new PaymentLedger.Entry(recorded.delivery().eventId(), recorded.payment(),
                recorded.delivery().within(() -> outbox.row(recorded.payment().outcomeEvent())));
    }
}
