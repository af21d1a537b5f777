package io.comanda.payments.domain;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.UUID;

/** Where payments are recorded, each with its event in the inbox and its outcome event, once. */
public interface PaymentStore {

    /** Which of {@code eventIds} the inbox of {@code consumer} holds, and which of {@code orderIds} are paid. */
    Uni<AlreadySettled> settled(String consumer, List<UUID> eventIds, List<UUID> orderIds);

    /**
     * Records, in one transaction, each payment's event in the inbox of {@code consumer}, the payment
     * (one per order) and its outcome event, stamped in its delivery's own context.
     */
    Uni<Void> record(String consumer, List<RecordedPayment> payments);

    /** A payment to record, with the delivery that asked for it. */
    record RecordedPayment(PlacedOrderDelivery delivery, Payment payment) {
    }
}
