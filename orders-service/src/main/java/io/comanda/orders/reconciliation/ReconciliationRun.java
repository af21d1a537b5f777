package io.comanda.orders.reconciliation;

/** What one reconciliation run did, counted over its pages. */
record ReconciliationRun(long settled, long unsettleable, long failed) {

    static final ReconciliationRun NONE = new ReconciliationRun(0, 0, 0);

    long orders() {
        return settled + unsettleable + failed;
    }

    ReconciliationRun plus(OrderReconciler.Result result) {
        return switch (result) {
            case SETTLED -> new ReconciliationRun(settled + 1, unsettleable, failed);
            case UNSETTLEABLE -> new ReconciliationRun(settled, unsettleable + 1, failed);
            case FAILED -> new ReconciliationRun(settled, unsettleable, failed + 1);
        };
    }

    ReconciliationRun plus(ReconciliationRun other) {
        return new ReconciliationRun(settled + other.settled, unsettleable + other.unsettleable, failed + other.failed);
    }
}
