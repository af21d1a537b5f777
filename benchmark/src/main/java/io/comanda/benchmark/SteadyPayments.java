package io.comanda.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.StackHttp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Goal M2's second half: while some creates meet ambiguous answers, how long do the orders behind them wait
 * for their payment? Publishes orders at a steady rate, waits until each has its payment row, and prints
 * the p50 and p99 from publication to the payment's record of the orders whose create met no ambiguous
 * answer (the emulator names those that did), and the p99 of those that did, resolved in the background.
 */
final class SteadyPayments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SteadyPayments() {
    }

    static void measure(String bootstrap, PostgresServer postgres, String database, String stripe, int rate, int seconds,
                        int backlog) throws Exception {
        System.out.printf("[benchmark] steady: %d orders/s for %d s%n", rate, seconds);
        Map<String, Instant> sentAt = SteadyOrders.publish(bootstrap, rate, seconds);
        Map<String, Instant> paidAt = awaitPayments(postgres, database, sentAt.keySet(), backlog + sentAt.size());
        Set<String> ambiguous = new HashSet<>();
        JSON.readTree(StackHttp.get(stripe + "/_emulator/faults").body()).path("ambiguousOrders")
                .forEach(order -> ambiguous.add(order.asText()));
        List<Long> behind = new ArrayList<>();
        List<Long> met = new ArrayList<>();
        sentAt.forEach((order, sent) -> (ambiguous.contains(order) ? met : behind)
                .add(Duration.between(sent, paidAt.get(order)).toMillis()));
        behind.sort(Long::compare);
        met.sort(Long::compare);
        System.out.printf(Locale.ROOT, "[benchmark] steady: %d orders paid, %d met an ambiguous answer (p99 %d ms); "
                        + "the others: p50 %d ms, p99 %d ms%n", sentAt.size(), met.size(), percentile(met, 0.99),
                percentile(behind, 0.5), percentile(behind, 0.99));
        System.out.printf(Locale.ROOT, "RESULT M2 behind_p50_ms=%d behind_p99_ms=%d ambiguous_orders=%d%n",
                percentile(behind, 0.5), percentile(behind, 0.99), met.size());
    }

    private static Map<String, Instant> awaitPayments(PostgresServer postgres, String database, Set<String> orders,
                                                      int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (Connection connection = postgres.connect(database);
             PreparedStatement count = connection.prepareStatement("select count(*) from payment");
             PreparedStatement paid = connection.prepareStatement(
                     "select order_id::text, created_at from payment where order_id = any(?::uuid[])")) {
            while (true) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= expected) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the steady orders were not all paid within 5 minutes");
                }
                Thread.sleep(250);
            }
            paid.setArray(1, connection.createArrayOf("text", orders.toArray()));
            Map<String, Instant> paidAt = new HashMap<>();
            try (ResultSet rs = paid.executeQuery()) {
                while (rs.next()) {
                    paidAt.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
            return paidAt;
        }
    }

    private static long percentile(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
