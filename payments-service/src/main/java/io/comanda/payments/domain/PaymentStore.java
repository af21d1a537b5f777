package io.comanda.payments.domain;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.UUID;

/** Where payments are recorded, each with its event in the inbox and its outcome event, once. */
public interface PaymentStore {

    /**
     * Which of {@code eventIds} the inbox of {@code consumer} holds, which of {@code orderIds} are paid,
     * and which were cancelled.
     */
    Uni<AlreadySettled> settled(String consumer, List<UUID> eventIds, List<UUID> orderIds);

    /**
     * Records, in one transaction, each payment's event in the inbox of {@code consumer}, the payment
     * (one per order) and its outcome event, stamped in its delivery's own context.
     */
    Uni<Void> record(String consumer, List<RecordedPayment> payments);

    /** Records the orders as cancelled, and answers those of their payments that took money and are not refunded. */
    Uni<List<ChargedPayment>> cancel(List<UUID> orderIds);

    /** The payments of these orders that took money and are not refunded. */
    Uni<List<ChargedPayment>> chargedNotRefunded(List<UUID> orderIds);

    /** Up to {@code limit} payments that took money for a cancelled order and are not refunded. */
    Uni<List<ChargedPayment>> cancelledAndCharged(int limit);

    /** Records the refunds on their payments. */
    Uni<Void> refunded(List<Refund> refunds);

    /** A payment to record, with the delivery that asked for it. */
    record RecordedPayment(PlacedOrderDelivery delivery, Payment payment) {
    }

    /** A payment that took money: the order, and the charge's id at the provider. */
    record ChargedPayment(UUID orderId, String providerReference) {
    }

    /** A refund made: the order, and the refund's id at the provider. */
    record Refund(UUID orderId, String refundReference) {
    }
}
