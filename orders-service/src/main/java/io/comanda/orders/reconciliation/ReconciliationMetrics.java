package io.comanda.orders.reconciliation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What reconciliation did: {@code comanda.orders.reconcile.settled{status}} orders settled from
 * payments-service's answer; {@code ...unknown_reports} and {@code ...unsettleable_reports}, once per order
 * it cannot settle (payments-service knows nothing of it; its payment does not settle it);
 * {@code ...failed}, attempts that failed (payments-service unreachable), tried again at the next run.
 * How many such orders are still PENDING is {@link UnsettledOrdersGauge}'s.
 */
@ApplicationScoped
public class ReconciliationMetrics {

    private final MeterRegistry registry;
    private final Counter unknownReports;
    private final Counter unsettleableReports;
    private final Counter failed;

    public ReconciliationMetrics(MeterRegistry registry) {
        this.registry = registry;
        unknownReports = Counter.builder("comanda.orders.reconcile.unknown_reports")
                .description("Orders reported because payments-service knew nothing of them, once each").register(registry);
        unsettleableReports = Counter.builder("comanda.orders.reconcile.unsettleable_reports")
                .description("Orders reported because their payment cannot settle them, once each").register(registry);
        failed = Counter.builder("comanda.orders.reconcile.failed")
                .description("Reconciliation attempts that failed (payments-service unreachable), tried again at the next run")
                .register(registry);
    }

    void settled(String paymentStatus) {
        registry.counter("comanda.orders.reconcile.settled", "payment", paymentStatus).increment();
    }

    void reported(boolean unknown) {
        (unknown ? unknownReports : unsettleableReports).increment();
    }

    void failed() {
        failed.increment();
    }
}
