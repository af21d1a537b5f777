package io.comanda.payments.domain;

import io.comanda.events.OrderPlaced;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Charges the orders of a batch side by side on a bounded pool of workers, each under its charge attempt
 * ({@link ChargeUnderAttempt}): the provider's SDK blocks for the round trip, so the pool's size is how
 * many charges are in flight at once. Each charge runs in its event's trace context, so its client span
 * joins the order's flow. A charge without an answer within {@link PaymentsConfig#chargeDeadline()} is
 * unresolved: the batch goes on without it.
 */
@ApplicationScoped
public class ParallelCharges {

    private final ChargeUnderAttempt charges;
    private final ExecutorService workers;
    private final Duration deadline;

    public ParallelCharges(ChargeUnderAttempt charges, PaymentsConfig config) {
        this.charges = charges;
        this.deadline = config.chargeDeadline();
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.maxConcurrentCharges(), task -> {
            Thread thread = new Thread(task, "payments-charge-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Charges every order once, in parallel, under its charge attempt; never fails: each charge carries
     * its result or its failure. The answer comes back on the caller's Vert.x context.
     *
     * @param orders         one delivery per order
     * @param chargeAttempts the recorded charge attempt of each order; an order without one is not charged
     * @return each order's charge, by order id, in the order of {@code orders}
     */
    public Uni<Map<UUID, AttemptedCharge>> charge(List<? extends PlacedOrderDelivery> orders,
                                                  Map<UUID, ChargeAttempt> chargeAttempts) {
        return charge(orders, chargeAttempts, orderId -> true);
    }

    /**
     * Like {@link #charge(List, Map)}, where {@code mayCharge} says of each order whether a new charge may be
     * made, or only an earlier one found (an order cancelled meanwhile).
     */
    public Uni<Map<UUID, AttemptedCharge>> charge(List<? extends PlacedOrderDelivery> orders,
                                                  Map<UUID, ChargeAttempt> chargeAttempts, Predicate<UUID> mayCharge) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Context context = Vertx.currentContext();
        Executor resume = context == null ? Infrastructure.getDefaultExecutor()
                : task -> context.runOnContext(ignored -> task.run());
        List<Uni<AttemptedCharge>> charges = orders.stream().map(order ->
                charge(order, chargeAttempts.get(order.order().orderId()),
                        mayCharge.test(order.order().orderId()))).toList();
        return Uni.join().all(charges).andFailFast().emitOn(resume).map(ParallelCharges::byOrder);
    }

    private Uni<AttemptedCharge> charge(PlacedOrderDelivery delivery, ChargeAttempt chargeAttempt, boolean mayCharge) {
        OrderPlaced order = delivery.order();
        if (chargeAttempt == null) {
            // Another consumer began this order's attempt in the same instant (a partition handed over).
            return Uni.createFrom().item(new AttemptedCharge(order, null, new ProviderUnavailableException(
                    "The charge of order " + order.orderId() + " was begun concurrently", null), null));
        }
        return Uni.createFrom().completionStage(() -> CompletableFuture.supplyAsync(
                        () -> delivery.within(() -> charges.charge(order, chargeAttempt, mayCharge)), workers))
                .onItemOrFailure().transform((charged, failure) -> charged == null
                        ? new AttemptedCharge(order, null, unwrap(failure), chargeAttempt) : charged)
                // The call goes on, and its answer is dropped: the key answers it again to whoever asks next.
                .ifNoItem().after(deadline).recoverWithItem(() -> AttemptedCharge.failed(order,
                        new ChargeUnresolvedException(ChargeAttempt.Unresolved.AWAITING_ANSWER, "The charge of order "
                                + order.orderId() + " had no answer within " + deadline.toMillis() + " ms", null),
                        chargeAttempt.unresolved(ChargeAttempt.Unresolved.AWAITING_ANSWER, Instant.now())));
    }

    private static Map<UUID, AttemptedCharge> byOrder(List<AttemptedCharge> charges) {
        Map<UUID, AttemptedCharge> byOrder = new LinkedHashMap<>();
        charges.forEach(charge -> byOrder.put(charge.order().orderId(), charge));
        return byOrder;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
