package io.comanda.payments.domain;

import io.comanda.payments.domain.PaymentStore.RecordedPayment;
import io.comanda.platform.inbox.DuplicateDeliveries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes the payments of a batch of placed orders, each exactly once:
 * <ol>
 *   <li>one query finds the events already processed and the orders already paid (redeliveries): they
 *       are done; of several events of one order in the batch, the first stands for all;</li>
 *   <li>one statement records a charge attempt for each of the rest (or reads the one recorded earlier):
 *       the idempotency key it goes under, when that key was first used, whether its last answer was
 *       indeterminate;</li>
 *   <li>the provider is charged for them in parallel, each under its attempt's key, outside any
 *       transaction: a retry after a crash or a timeout asks the provider again and gets the same charge.
 *       A key past the provider's idempotency window, or whose last answer was a 5xx, cannot answer for the
 *       charge any more: the order's PaymentIntent is then searched for first ({@link ChargeUnderAttempt});
 *       what changed in the attempts is recorded (on the usual path, nothing);</li>
 *   <li>one statement records the events in the inbox, the payments (unique per order) and their
 *       outcome events in the outbox.</li>
 * </ol>
 * A charge the provider refuses for good is rejected, to be dead-lettered; one that failed transiently
 * is handed back to be retried alone, and so is one the provider refused for our credentials
 * ({@code DependencyUnusableException}): the batch policy then pauses the consumer until the provider
 * accepts us again, instead of retrying it.
 */
@ApplicationScoped
public class PaymentProcessing {

    /** The inbox's name of this consumer. */
    public static final String CONSUMER = "payments-service";

    private final ParallelCharges charges;
    private final ChargeAttemptStore chargeAttempts;
    private final PaymentStore payments;
    private final DuplicateDeliveries duplicates;

    public PaymentProcessing(ParallelCharges charges, ChargeAttemptStore chargeAttempts, PaymentStore payments,
                             DuplicateDeliveries duplicates) {
        this.charges = charges;
        this.chargeAttempts = chargeAttempts;
        this.payments = payments;
        this.duplicates = duplicates;
    }

    public Uni<PaymentBatchResult> pay(List<? extends PlacedOrderDelivery> placed) {
        if (placed.isEmpty()) {
            return Uni.createFrom().item(new PaymentBatchResult(List.of(), List.of()));
        }
        return payments.settled(CONSUMER, placed.stream().map(PlacedOrderDelivery::eventId).toList(),
                        placed.stream().map(e -> e.order().orderId()).distinct().toList())
                .chain(settled -> {
                    List<PlacedOrderDelivery> unpaid = unpaid(placed, settled);
                    // Counted once the batch is recorded: a batch retried after a failure is not absorbed twice.
                    return charge(unpaid).chain(charged -> record(unpaid, charged))
                            .invoke(() -> duplicates.absorbed(CONSUMER, placed.size() - unpaid.size()));
                });
    }

    private Uni<Map<UUID, AttemptedCharge>> charge(List<PlacedOrderDelivery> unpaid) {
        if (unpaid.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return chargeAttempts.begin(unpaid.stream().map(e -> e.order().orderId()).toList(), Instant.now())
                .chain(begun -> charges.charge(unpaid, begun)
                        .call(charged -> chargeAttempts.note(changed(charged.values(), begun))));
    }

    private static List<ChargeAttempt> changed(Collection<AttemptedCharge> charged, Map<UUID, ChargeAttempt> begun) {
        return charged.stream().map(AttemptedCharge::attempt)
                .filter(after -> after != null && !after.equals(begun.get(after.orderId()))).toList();
    }

    private static List<PlacedOrderDelivery> unpaid(List<? extends PlacedOrderDelivery> placed, AlreadySettled settled) {
        Map<UUID, PlacedOrderDelivery> firstOfOrder = new LinkedHashMap<>();
        for (PlacedOrderDelivery delivery : placed) {
            UUID orderId = delivery.order().orderId();
            if (!settled.eventIds().contains(delivery.eventId()) && !settled.orderIds().contains(orderId)) {
                firstOfOrder.putIfAbsent(orderId, delivery);
            }
        }
        return List.copyOf(firstOfOrder.values());
    }

    private Uni<PaymentBatchResult> record(List<PlacedOrderDelivery> unpaid, Map<UUID, AttemptedCharge> charged) {
        List<RecordedPayment> recorded = new ArrayList<>();
        List<UnpaidOrder> refused = new ArrayList<>();
        List<UnpaidOrder> retryable = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (PlacedOrderDelivery delivery : unpaid) {
            AttemptedCharge charge = charged.get(delivery.order().orderId());
            if (charge.failure() instanceof ProviderRejectedException) {
                refused.add(new UnpaidOrder(delivery, charge.failure()));
            } else if (charge.failure() != null) {
                retryable.add(new UnpaidOrder(delivery, charge.failure()));
            } else {
                recorded.add(new RecordedPayment(delivery, Payment.fromCharge(delivery.order(), charge.result(), now)));
            }
        }
        return payments.record(CONSUMER, recorded).replaceWith(new PaymentBatchResult(refused, retryable));
    }
}
