package io.comanda.payments.domain;

import io.comanda.events.OrderPlaced;
import io.comanda.payments.persistence.ChargeAttempts;
import io.comanda.payments.persistence.PaymentLedger;
import io.comanda.platform.messaging.BatchConsumerPolicy.Outcome;
import io.comanda.platform.messaging.BatchConsumerPolicy.Rejection;
import io.comanda.platform.messaging.BatchConsumerPolicy.Retry;
import io.comanda.platform.messaging.TracedEvent;
import io.comanda.platform.inbox.DuplicateDeliveries;
import io.comanda.platform.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * accepts us again, instead of retrying it. Other order events are not this service's concern.
 */
@ApplicationScoped
public class PaymentProcessing {

    /** The inbox's name of this consumer. */
    public static final String CONSUMER = "payments-service";

    private final ParallelCharges charges;
    private final ChargeAttempts chargeAttempts;
    private final PaymentLedger ledger;
    private final OutboxWriter outbox;
    private final DuplicateDeliveries duplicates;

    public PaymentProcessing(ParallelCharges charges, ChargeAttempts chargeAttempts, PaymentLedger ledger,
                             OutboxWriter outbox, DuplicateDeliveries duplicates) {
        this.charges = charges;
        this.chargeAttempts = chargeAttempts;
        this.ledger = ledger;
        this.outbox = outbox;
        this.duplicates = duplicates;
    }

    public Uni<Outcome> pay(List<TracedEvent> events) {
        List<TracedEvent> placed = events.stream().filter(e -> e.event().event() instanceof OrderPlaced).toList();
        if (placed.isEmpty()) {
            return Uni.createFrom().item(new Outcome(List.of(), List.of()));
        }
        return ledger.settled(CONSUMER, placed.stream().map(e -> e.event().id()).toList(),
                        placed.stream().map(e -> order(e).orderId()).distinct().toList())
                .chain(settled -> {
                    List<TracedEvent> unpaid = unpaid(placed, settled);
                    // Counted once the batch is recorded: a batch retried after a failure is not absorbed twice.
                    return charge(unpaid).chain(this::record)
                            .invoke(() -> duplicates.absorbed(CONSUMER, placed.size() - unpaid.size()));
                });
    }

    private Uni<List<ParallelCharges.Attempt>> charge(List<TracedEvent> unpaid) {
        if (unpaid.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return chargeAttempts.begin(unpaid.stream().map(e -> order(e).orderId()).toList(), Instant.now())
                .chain(begun -> charges.charge(unpaid, begun)
                        .call(attempts -> chargeAttempts.note(changed(attempts, begun))));
    }

    private static List<ChargeAttempt> changed(List<ParallelCharges.Attempt> attempts, Map<UUID, ChargeAttempt> begun) {
        return attempts.stream().map(ParallelCharges.Attempt::chargeAttempt)
                .filter(after -> after != null && !after.equals(begun.get(after.orderId()))).toList();
    }

    private static List<TracedEvent> unpaid(List<TracedEvent> placed, PaymentLedger.Settled settled) {
        Map<UUID, TracedEvent> firstOfOrder = new LinkedHashMap<>();
        for (TracedEvent event : placed) {
            UUID orderId = order(event).orderId();
            if (!settled.eventIds().contains(event.event().id()) && !settled.orderIds().contains(orderId)) {
                firstOfOrder.putIfAbsent(orderId, event);
            }
        }
        return List.copyOf(firstOfOrder.values());
    }

    private Uni<Outcome> record(List<ParallelCharges.Attempt> attempts) {
        List<PaymentLedger.Entry> entries = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<Retry> retries = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (ParallelCharges.Attempt attempt : attempts) {
            if (attempt.failure() instanceof ProviderRejectedException) {
                rejections.add(new Rejection(attempt.traced().event(), attempt.failure()));
            } else if (attempt.failure() != null) {
                retries.add(new Retry(attempt.traced().event(), attempt.failure()));
            } else {
                Payment payment = Payment.fromCharge(attempt.order(), attempt.result(), now);
                // Stamped in the event's own context: its flow's correlation id and trace parent.
                entries.add(new PaymentLedger.Entry(attempt.traced().event().id(), payment,
                        attempt.traced().within(() -> outbox.row(payment.outcomeEvent()))));
            }
        }
        return ledger.record(CONSUMER, entries).replaceWith(new Outcome(rejections, retries));
    }

    private static OrderPlaced order(TracedEvent event) {
        return (OrderPlaced) event.event().event();
    }
}
