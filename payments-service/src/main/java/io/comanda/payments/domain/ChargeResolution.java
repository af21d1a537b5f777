package io.comanda.payments.domain;

import io.comanda.payments.domain.ChargeAttemptStore.UnresolvedCharge;
import io.comanda.payments.domain.PaymentStore.RecordedPayment;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Resolves, in the background, the charges whose answer left open whether money moved, so that the rest
 * of their partitions flow on meanwhile. Every second it takes the unresolved charges that are due (held
 * for a lease, so one instance takes each) and charges each as its attempt allows
 * ({@link ChargeUnderAttempt}): no answer yet is asked again under the same key, which answers the first
 * request's result (a 409 while it still runs); a key that cannot tell has the order's PaymentIntents
 * looked up consistently, and only when there is none charges under the next key generation. What is
 * resolved is recorded as the consumer would have (inbox entry, payment, outcome event in the event's own
 * flow); what is not is tried again after a pause doubling up to {@code resolution.max-delay}. An order
 * an operator cancelled meanwhile is not charged anew, and a charge found for it is refunded.
 *
 * <p>Gauges {@code comanda_payments_unresolved_charges} and
 * {@code comanda_payments_unresolved_charge_oldest_seconds} (alert {@code UnresolvedChargeTooOld}).
 */
@ApplicationScoped
public class ChargeResolution {

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final ChargeAttemptStore attempts;
    private final ParallelCharges charges;
    private final PaymentStore payments;
    private final OrderCancellations cancellations;
    private final PaymentsConfig.Resolution config;
    private final AtomicReference<ChargeAttemptStore.UnresolvedCharges> unresolved =
            new AtomicReference<>(new ChargeAttemptStore.UnresolvedCharges(0, null));

    public ChargeResolution(ChargeAttemptStore attempts, ParallelCharges charges, PaymentStore payments,
                            OrderCancellations cancellations, PaymentsConfig config, MeterRegistry registry) {
        this.attempts = attempts;
        this.charges = charges;
        this.payments = payments;
        this.cancellations = cancellations;
        this.config = config.resolution();
        Gauge.builder("comanda_payments_unresolved_charges", unresolved, now -> now.get().count())
                .description("Charges whose answer left open whether money moved, not resolved yet").register(registry);
        Gauge.builder("comanda_payments_unresolved_charge_oldest_seconds", unresolved, ChargeResolution::oldestAge)
                .description("How long the oldest unresolved charge has been unresolved").baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(every = "${comanda.payments.resolution.every:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> resolveDue() {
        return attempts.claimDue(config.batchSize(), Instant.now(), LEASE).chain(this::resolve)
                .chain(attempts::unresolved).invoke(unresolved::set).replaceWithVoid();
    }

    /** Resolves these unresolved charges, or puts each off until its next try. */
    public Uni<Void> resolve(List<UnresolvedCharge> due) {
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, ChargeAttempt> byOrder = new HashMap<>();
        Set<UUID> cancelled = new HashSet<>();
        for (UnresolvedCharge charge : due) {
            byOrder.put(charge.attempt().orderId(), charge.attempt());
            if (charge.cancelled()) {
                cancelled.add(charge.attempt().orderId());
            }
        }
        List<PlacedOrderDelivery> deliveries = due.stream().map(UnresolvedCharge::delivery).toList();
        return payments.settled(PaymentProcessing.CONSUMER, deliveries.stream().map(PlacedOrderDelivery::eventId).toList(),
                        List.copyOf(byOrder.keySet()))
                .chain(settled -> {
                    // Recorded meanwhile (a redelivery before the charge went unresolved): nothing is left to do.
                    List<PlacedOrderDelivery> open = deliveries.stream()
                            .filter(d -> !settled.orderIds().contains(d.order().orderId())
                                    && !settled.eventIds().contains(d.eventId())).toList();
                    List<ChargeAttempt> done = due.stream().map(UnresolvedCharge::attempt)
                            .filter(a -> open.stream().noneMatch(d -> d.order().orderId().equals(a.orderId())))
                            .map(ChargeAttempt::resolved).toList();
                    return attempts.note(done, Map.of(), Instant.now())
                            .chain(() -> charges.charge(open, byOrder, orderId -> !cancelled.contains(orderId)))
                            .chain(charged -> settle(due, open, charged, cancelled));
                });
    }

    private Uni<Void> settle(List<UnresolvedCharge> due, List<PlacedOrderDelivery> open,
                             Map<UUID, AttemptedCharge> charged, Set<UUID> cancelled) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<RecordedPayment> recorded = new ArrayList<>();
        List<ChargeAttempt> resolved = new ArrayList<>();
        List<ChargeAttempt> stillOpen = new ArrayList<>();
        Map<UUID, Instant> dueAgain = new HashMap<>();
        for (PlacedOrderDelivery delivery : open) {
            UUID orderId = delivery.order().orderId();
            AttemptedCharge charge = charged.get(orderId);
            if (charge.failure() == null) {
                resolved.add(charge.attempt());
                if (charge.result() != null) {
                    recorded.add(new RecordedPayment(delivery, Payment.fromCharge(delivery.order(), charge.result(), now)));
                }
            } else {
                // A new key generation refused before it ran (a 429) has not answered either: it stays unresolved.
                ChargeAttempt after = charge.attempt();
                stillOpen.add(after.isUnresolved() ? after : after.unresolved(ChargeAttempt.Unresolved.AWAITING_ANSWER, now));
                dueAgain.put(orderId, now.plus(delay(triesOf(due, orderId))));
            }
        }
        List<UUID> toRefund = recorded.stream().map(r -> r.payment().orderId()).filter(cancelled::contains).toList();
        return payments.record(PaymentProcessing.CONSUMER, recorded)
                .chain(() -> attempts.note(resolved, Map.of(), now))
                .chain(() -> attempts.triedAgain(stillOpen, dueAgain))
                .chain(() -> cancellations.refundCharged(toRefund)).replaceWithVoid();
    }

    private static int triesOf(List<UnresolvedCharge> due, UUID orderId) {
        return due.stream().filter(c -> c.attempt().orderId().equals(orderId)).findFirst()
                .map(UnresolvedCharge::tries).orElse(0);
    }

    /** The pause before the next try: the first delay, doubled with each try, up to the longest. */
    Duration delay(int tries) {
        Duration delay = config.firstDelay().multipliedBy(1L << Math.min(tries, 20));
        return delay.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : delay;
    }

    private static double oldestAge(AtomicReference<ChargeAttemptStore.UnresolvedCharges> unresolved) {
        Instant oldest = unresolved.get().oldest();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }
}
