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
 *   <li>one query finds the events already processed, the orders already paid (redeliveries) and those an
 *       operator cancelled: they are done; of several events of one order in the batch, the first stands
 *       for all;</li>
 *   <li>one statement records a charge attempt for each of the rest (or reads the one recorded earlier):
 *       the idempotency key it goes under, when its window began, whether its charge is unresolved. An
 *       unresolved one is left to its background resolution ({@link ChargeResolution});</li>
 *   <li>the provider is charged for the others in parallel, each under its attempt's key, outside any
 *       transaction ({@link ChargeUnderAttempt}). A charge whose answer leaves open whether money moved
 *       (a 5xx, a timeout, no answer within the charge deadline) is recorded as unresolved, with its
 *       delivery, and the batch goes on without it;</li>
 *   <li>one statement records the events in the inbox, the payments (unique per order) and their
 *       outcome events in the outbox.</li>
 * </ol>
 * A charge refused before it ran (429, no connection) is handed back to be retried alone; one the provider
 * refused for our credentials ({@code DependencyUnusableException}) too, and the batch policy then pauses
 * the consumer. A failure to record after the provider was called is a {@link ChargesMayExistException}.
 */
@ApplicationScoped
public class PaymentProcessing {

    /** The inbox's name of this consumer. */
    public static final String CONSUMER = "payments-service";

    private final ParallelCharges charges;
    private final ChargeAttemptStore chargeAttempts;
    private final PaymentStore payments;
    private final DuplicateDeliveries duplicates;
    private final PaymentsConfig config;

    public PaymentProcessing(ParallelCharges charges, ChargeAttemptStore chargeAttempts, PaymentStore payments,
                             DuplicateDeliveries duplicates, PaymentsConfig config) {
        this.charges = charges;
        this.chargeAttempts = chargeAttempts;
        this.payments = payments;
        this.duplicates = duplicates;
        this.config = config;
    }

    public Uni<PaymentBatchResult> pay(List<? extends PlacedOrderDelivery> placed) {
        if (placed.isEmpty()) {
            return Uni.createFrom().item(PaymentBatchResult.NOTHING_LEFT);
        }
        return payments.settled(CONSUMER, placed.stream().map(PlacedOrderDelivery::eventId).toList(),
                        placed.stream().map(e -> e.order().orderId()).distinct().toList())
                .chain(settled -> {
                    List<PlacedOrderDelivery> unpaid = unpaid(placed, settled);
                    // Counted once the batch is recorded: a batch retried after a failure is not absorbed twice.
                    return charge(unpaid)
                            .invoke(() -> duplicates.absorbed(CONSUMER, placed.size() - unpaid.size()));
                });
    }

    private Uni<PaymentBatchResult> charge(List<PlacedOrderDelivery> unpaid) {
        if (unpaid.isEmpty()) {
            return Uni.createFrom().item(PaymentBatchResult.NOTHING_LEFT);
        }
        List<UUID> orderIds = unpaid.stream().map(delivery -> delivery.order().orderId()).toList();
        return chargeAttempts.begin(orderIds, Instant.now()).chain(begun -> {
            // An unresolved charge is its background resolution's: charging it here could race with it.
            List<PlacedOrderDelivery> open = unpaid.stream().filter(delivery -> {
                ChargeAttempt attempt = begun.get(delivery.order().orderId());
                return attempt == null || !attempt.isUnresolved();
            }).toList();
            return charges.charge(open, begun).chain(charged -> recordAfterCharges(open, begun, charged)
                    .onFailure().transform(failure -> new ChargesMayExistException(
                            open.stream().map(delivery -> delivery.order().orderId()).toList(), failure)));
        });
    }

    private Uni<PaymentBatchResult> recordAfterCharges(List<PlacedOrderDelivery> open, Map<UUID, ChargeAttempt> begun,
                                                       Map<UUID, AttemptedCharge> charged) {
        Map<UUID, PlacedOrderDelivery> deliveries = new LinkedHashMap<>();
        open.forEach(delivery -> deliveries.put(delivery.order().orderId(), delivery));
        Instant firstTry = Instant.now().plus(config.resolution().firstDelay());
        return chargeAttempts.note(changed(charged.values(), begun), deliveries, firstTry)
                .chain(() -> record(open, charged));
    }

    static List<ChargeAttempt> changed(Collection<AttemptedCharge> charged, Map<UUID, ChargeAttempt> before) {
        return charged.stream().map(AttemptedCharge::attempt)
                .filter(after -> after != null && !after.equals(before.get(after.orderId()))).toList();
    }

    private static List<PlacedOrderDelivery> unpaid(List<? extends PlacedOrderDelivery> placed, AlreadySettled settled) {
        Map<UUID, PlacedOrderDelivery> firstOfOrder = new LinkedHashMap<>();
        for (PlacedOrderDelivery delivery : placed) {
            UUID orderId = delivery.order().orderId();
            if (!settled.eventIds().contains(delivery.eventId()) && !settled.orderIds().contains(orderId)
                    && !settled.cancelledOrders().contains(orderId)) {
                firstOfOrder.putIfAbsent(orderId, delivery);
            }
        }
        return List.copyOf(firstOfOrder.values());
    }

    private Uni<PaymentBatchResult> record(List<PlacedOrderDelivery> open, Map<UUID, AttemptedCharge> charged) {
        List<RecordedPayment> recorded = new ArrayList<>();
        List<UnpaidOrder> refused = new ArrayList<>();
        List<UnpaidOrder> retryable = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (PlacedOrderDelivery delivery : open) {
            AttemptedCharge charge = charged.get(delivery.order().orderId());
            if (charge.failure() instanceof ProviderRejectedException) {
                refused.add(new UnpaidOrder(delivery, charge.failure()));
            } else if (charge.failure() instanceof ChargeUnresolvedException && charge.attempt() != null
                    && charge.attempt().isUnresolved()) {
                // Noted with its delivery: resolved in the background, while the partition goes on.
                continue;
            } else if (charge.failure() != null) {
                retryable.add(new UnpaidOrder(delivery, charge.failure()));
            } else if (charge.result() != null) {
                recorded.add(new RecordedPayment(delivery, Payment.fromCharge(delivery.order(), charge.result(), now)));
            }
        }
        return payments.record(CONSUMER, recorded).replaceWith(new PaymentBatchResult(refused, retryable));
    }
}
