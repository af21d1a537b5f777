package io.comanda.orders.reconciliation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A reconciliation run counts what it did over all its pages. */
class ReconciliationRunTest {

    @Test
    void countsEachOrderByWhatReconcilingItCameTo() {
        ReconciliationRun run = ReconciliationRun.NONE.plus(OrderReconciler.Result.SETTLED)
                .plus(OrderReconciler.Result.UNSETTLEABLE).plus(OrderReconciler.Result.UNSETTLEABLE)
                .plus(OrderReconciler.Result.FAILED);

        assertThat(run).isEqualTo(new ReconciliationRun(1, 2, 1));
        assertThat(run.orders()).isEqualTo(4);
    }

    @Test
    void addsThePagesOfARun() {
        assertThat(new ReconciliationRun(1, 2, 3).plus(new ReconciliationRun(10, 20, 30)))
                .isEqualTo(new ReconciliationRun(11, 22, 33));
    }
}
