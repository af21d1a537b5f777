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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Charges the orders of a batch side by side on a bounded pool of workers: the provider's SDK blocks
 * for the round trip, so the pool's size is how many charges are in flight at once. Each charge runs in
 * its event's trace context, so its client span joins the order's flow.
 */
@ApplicationScoped
public class ParallelCharges {

    private final PaymentGateway gateway;
    private final ExecutorService workers;

    public ParallelCharges(PaymentGateway gateway, PaymentsConfig config) {
        this.gateway = gateway;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.maxConcurrentCharges(), task -> {
            Thread thread = new Thread(task, "payments-charge-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Charges every order once, in parallel; never fails: each attempt carries its result or its failure.
     * The answer comes back on the caller's Vert.x context.
     */
    public Uni<List<Attempt>> charge(List<TracedEvent> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Context context = Vertx.currentContext();
        Executor resume = context == null ? Infrastructure.getDefaultExecutor()
                : task -> context.runOnContext(ignored -> task.run());
        List<Uni<Attempt>> attempts = orders.stream().map(this::charge).toList();
        return Uni.join().all(attempts).andFailFast().emitOn(resume);
    }

    private Uni<Attempt> charge(TracedEvent traced) {
        OrderPlaced order = (OrderPlaced) traced.event().event();
        ChargeRequest request = new ChargeRequest(order.orderId(), order.total(), order.paymentMethod());
        return Uni.createFrom().completionStage(() -> CompletableFuture.supplyAsync(
                        () -> traced.within(() -> gateway.charge(request)), workers))
                .onItemOrFailure().transform((result, failure) -> new Attempt(traced, order, result, unwrap(failure)));
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
     */
    public record Attempt(TracedEvent traced, OrderPlaced order, ChargeResult result, Throwable failure) {
    }
}
