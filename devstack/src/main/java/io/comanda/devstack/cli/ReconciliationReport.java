package io.comanda.devstack.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Charges at Stripe, payments of payments-service and orders of orders-service, one order at a time:
 * counts of each, then a table of the orders whose three sides disagree and why.
 *
 * @param charges  succeeded PaymentIntents per order id
 * @param payments payment status ({@code SUCCEEDED}, {@code FAILED}, {@code REFUNDED}: charged, then refunded when
 *                 an operator cancelled the order) per order id
 * @param orders   order status per order id ({@link #STALE_PENDING} when PENDING for over ten minutes)
 */
record ReconciliationReport(Map<String, Integer> charges, Map<String, String> payments, Map<String, String> orders) {

    static final String STALE_PENDING = "PENDING*";
    private static final String ROW = "  %-36s  %-7s  %-9s  %-9s  %s%n";

    void print(PrintStream out) {
        out.printf("Stripe emulator: %d orders charged (%d charges)%n", charges.size(),
                charges.values().stream().mapToInt(Integer::intValue).sum());
        out.printf("payments-service: %d payments (%d succeeded, %d failed, %d refunded)%n", payments.size(),
                count(payments, "SUCCEEDED"), count(payments, "FAILED"), count(payments, "REFUNDED"));
        out.printf("orders-service: %d orders (%d pending, %d confirmed, %d cancelled)%n", orders.size(),
                count(orders, "PENDING") + count(orders, STALE_PENDING), count(orders, "CONFIRMED"),
                count(orders, "CANCELLED"));
        Map<String, String> mismatches = mismatches();
        if (mismatches.isEmpty()) {
            out.println("No mismatches.");
            return;
        }
        out.println(mismatches.size() + " mismatches:");
        out.printf(ROW, "order", "charges", "payment", "order", "problem");
        mismatches.forEach((id, problem) -> out.printf(ROW, id, charges.getOrDefault(id, 0),
                payments.getOrDefault(id, "-"), orders.getOrDefault(id, "-"), problem));
    }

    /** The problem of every order whose sides disagree, by order id. */
    Map<String, String> mismatches() {
        Set<String> ids = new TreeSet<>(charges.keySet());
        ids.addAll(payments.keySet());
        ids.addAll(orders.keySet());
        Map<String, String> found = new TreeMap<>();
        for (String id : ids) {
            String problem = problem(charges.getOrDefault(id, 0), payments.get(id), orders.get(id));
            if (problem != null) {
                found.put(id, problem);
            }
        }
        return found;
    }

    private static String problem(int charged, String payment, String order) {
        if (charged > 1) {
            return "charged " + charged + " times";
        }
        if (charged == 1 && payment == null) {
            return "charge without a payment row";
        }
        if ("FAILED".equals(payment) && charged == 1) {
            return "charged at Stripe, payment recorded as declined";
        }
        if ("SUCCEEDED".equals(payment) && charged == 0) {
            return "payment without a charge at Stripe (emulator restarted?)";
        }
        if (payment != null && order == null) {
            return "payment without an order";
        }
        if (payment != null && !order.equals(settled(payment))) {
            return "order " + order.replace("*", "") + ", payment " + payment;
        }
        if (STALE_PENDING.equals(order)) {
            return "order PENDING for over 10 minutes, no payment";
        }
        return null;
    }

    /** The order's status the payment agrees with: a refunded charge is an order an operator cancelled. */
    private static String settled(String payment) {
        return "SUCCEEDED".equals(payment) ? "CONFIRMED" : "CANCELLED";
    }

    private static long count(Map<String, String> statuses, String status) {
        return statuses.values().stream().filter(status::equals).count();
    }
}
