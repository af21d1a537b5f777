package io.comanda.payments.domain;

import io.comanda.events.OrderPlaced;
import io.comanda.platform.messaging.TracedEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Charges the orders of a batch side by side on a bounded pool of workers, each under its charge attempt
 * ({@link ChargeUnderAttempt}): the provider's SDK blocks for the round trip, so the pool's size is how
 * many charges are in flight at once. Each charge runs in its event's trace context, so its client span
 * joins the order's flow.
 */
@ApplicationScoped
public class ParallelCharges {

    private final ChargeUnderAttempt charges;
    private final ExecutorService workers;

    public ParallelCharges(ChargeUnderAttempt charges, PaymentsConfig config) {
        this.charges = charges;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.maxConcurrentCharges(), task -> {
            Thread thread = new Thread(task, "payments-charge-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Charges every order once, in parallel, under its charge attempt; never fails: each attempt carries
     * its result or its failure. The answer comes back on the caller's Vert.x context.
     *
     * @param chargeAttempts the recorded charge attempt of each order; an order without one is not charged
     */
    public Uni<List<Attempt>> charge(List<TracedEvent> orders, Map<UUID, ChargeAttempt> chargeAttempts) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Context context = Vertx.currentContext();
        Executor resume = context == null ? Infrastructure.getDefaultExecutor()
                : task -> context.runOnContext(ignored -> task.run());
        List<Uni<Attempt>> attempts = orders.stream().map(order ->
                charge(order, chargeAttempts.get(((OrderPlaced) order.event().event()).orderId()))).toList();
        return Uni.join().all(attempts).andFailFast().emitOn(resume);
    }

    private Uni<Attempt> charge(TracedEvent traced, ChargeAttempt chargeAttempt) {
        OrderPlaced order = (OrderPlaced) traced.event().event();
        if (chargeAttempt == null) {
            // Another consumer began this order's attempt in the same instant (a partition handed over).
            return Uni.createFrom().item(new Attempt(traced, order, null, new ProviderUnavailableException(
                    "The charge attempt of order " + order.orderId() + " was begun concurrently", null), null));
        }
        return Uni.createFrom().completionStage(() -> CompletableFuture.supplyAsync(
                        () -> traced.within(() -> charges.charge(order, chargeAttempt)), workers))
                .onItemOrFailure().transform((outcome, failure) -> outcome == null
                        ? new Attempt(traced, order, null, unwrap(failure), chargeAttempt)
                        : new Attempt(traced, order, outcome.result(), outcome.failure(), outcome.attempt()));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /**
     * @param traced  the event that asked for the charge
     * @param order   the order charged
     * @param result  the provider's answer, or null when the call failed
     * @param failure why the call failed, or null
     * @param chargeAttempt the order's charge attempt after the call, or null when it had none
     */
    public record Attempt(TracedEvent traced, OrderPlaced order, ChargeResult result, Throwable failure,
                          ChargeAttempt chargeAttempt) {
    }
}
