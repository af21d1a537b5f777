package io.comanda.orders.reconciliation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What reconciliation did: {@code comanda.orders.reconcile.settled{status}} orders settled from
 * payments-service's answer, {@code ...unknown} (a gauge, as {@code comanda.orders.pending.stale}: orders
 * payments-service knew nothing of at the last run; an alert while above zero) and
 * {@code ...unknown_reports}, {@code ...failed} (payments-service unreachable, or an answer that cannot
 * settle its order).
 */
@ApplicationScoped
public class ReconciliationMetrics {

    private final MeterRegistry registry;
    private final AtomicLong unknownAtLastRun = new AtomicLong();
    private final Counter unknownReports;
    private final Counter failed;

    public ReconciliationMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Registered at once: an alert must find the series before the first unknown order.
        Gauge.builder("comanda.orders.reconcile.unknown", unknownAtLastRun, AtomicLong::get)
                .description("Orders PENDING past the reconciliation age that payments-service knew nothing of at the last run")
                .register(registry);
        unknownReports = Counter.builder("comanda.orders.reconcile.unknown_reports")
                .description("Times reconciliation found an order payments-service knew nothing of").register(registry);
        failed = Counter.builder("comanda.orders.reconcile.failed")
                .description("Orders reconciliation could not settle: payments-service unreachable or a mismatching answer")
                .register(registry);
    }

    void settled(String paymentStatus) {
        registry.counter("comanda.orders.reconcile.settled", "payment", paymentStatus).increment();
    }

    void unknown() {
        unknownReports.increment();
    }

    void unknownAtLastRun(long count) {
        unknownAtLastRun.set(count);
    }

    void failed() {
        failed.increment();
    }
}
