package io.comanda.devstack.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationReportTest {

    @Test
    void ordersWhoseChargePaymentAndStatusAgreeAreNoMismatch() {
        ReconciliationReport report = new ReconciliationReport(Map.of("a", 1),
                Map.of("a", "SUCCEEDED", "b", "FAILED"), Map.of("a", "CONFIRMED", "b", "CANCELLED", "c", "PENDING"));

        assertThat(report.mismatches()).isEmpty();
        assertThat(printed(report)).contains("No mismatches.");
    }

    @Test
    void aChargeRefundedAfterAnOperatorCancelledItsOrderIsNoMismatch() {
        ReconciliationReport report = new ReconciliationReport(Map.of("cancelled-by-ops", 1),
                Map.of("cancelled-by-ops", "REFUNDED"), Map.of("cancelled-by-ops", "CANCELLED"));

        assertThat(report.mismatches()).isEmpty();
        assertThat(printed(report)).contains("1 refunded");
    }

    @Test
    void namesEachKindOfMismatch() {
        ReconciliationReport report = new ReconciliationReport(
                Map.of("charged-only", 1, "twice", 2, "declined-but-charged", 1),
                Map.of("twice", "SUCCEEDED", "no-order", "SUCCEEDED", "wrong-state", "SUCCEEDED",
                        "declined-but-charged", "FAILED"),
                Map.of("charged-only", "PENDING", "twice", "CONFIRMED", "wrong-state", "CANCELLED",
                        "declined-but-charged", "CANCELLED", "stale", ReconciliationReport.STALE_PENDING));

        assertThat(report.mismatches()).containsOnly(
                Map.entry("charged-only", "charge without a payment row"),
                Map.entry("twice", "charged 2 times"),
                Map.entry("no-order", "payment without a charge at Stripe (emulator restarted?)"),
                Map.entry("wrong-state", "payment without a charge at Stripe (emulator restarted?)"),
                Map.entry("declined-but-charged", "charged at Stripe, payment recorded as declined"),
                Map.entry("stale", "order PENDING for over 10 minutes, no payment"));
    }

    @Test
    void aPaymentWhoseOrderIsMissingOrInAnotherStateIsAMismatch() {
        ReconciliationReport report = new ReconciliationReport(Map.of("no-order", 1, "wrong-state", 1),
                Map.of("no-order", "SUCCEEDED", "wrong-state", "SUCCEEDED"), Map.of("wrong-state", "CANCELLED"));

        assertThat(report.mismatches()).containsOnly(Map.entry("no-order", "payment without an order"),
                Map.entry("wrong-state", "order CANCELLED, payment SUCCEEDED"));
        assertThat(printed(report)).contains("2 mismatches:", "wrong-state", "order CANCELLED, payment SUCCEEDED");
    }

    private static String printed(ReconciliationReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
