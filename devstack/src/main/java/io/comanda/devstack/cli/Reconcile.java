package io.comanda.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.StackHttp;
import io.comanda.devstack.parts.StackPart;
import io.comanda.devstack.parts.StackPorts;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./comanda reconcile}: reads, from the running local stack, the charges the Stripe emulator
 * made ({@code GET /_emulator/charges}), the payments of payments-service and the orders of
 * orders-service (their databases, as the local superuser), and prints the three side by side with
 * every mismatch ({@link ReconciliationReport}). Read-only: it settles nothing; orders-service's own
 * reconciliation job does that.
 */
final class Reconcile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Reconcile() {
    }

    /** @return 0 when everything was read (mismatches or not), 1 when the stack cannot be reached */
    static int run(StackPorts ports, PrintStream out) {
        String stripe = "http://127.0.0.1:" + ports.of(StackPart.STRIPE) + "/_emulator/charges";
        int postgres = ports.of(StackPart.POSTGRES);
        try {
            ReconciliationReport report = new ReconciliationReport(charges(stripe),
                    rows(postgres, StackPart.PAYMENTS.operatorName(),
                            "select order_id::text as id, case when refund_reference is null then status"
                            + " else 'REFUNDED' end as status from payment"),
                    rows(postgres, StackPart.ORDERS.operatorName(),
                            "select id::text as id, status, created_at < now() - interval '10 minutes'"
                            + " as old from customer_order"));
            report.print(out);
            return 0;
        } catch (RuntimeException | SQLException | IOException e) {
            out.println("Cannot read the stack (is Comanda running?): " + e.getMessage());
            return 1;
        }
    }

    /** Succeeded PaymentIntents per order id: money really taken. */
    private static Map<String, Integer> charges(String url) throws IOException {
        JsonNode all = JSON.readTree(StackHttp.get(url).body());
        Map<String, Integer> perOrder = new HashMap<>();
        for (JsonNode intent : all) {
            if ("succeeded".equals(intent.path("status").asText())) {
                perOrder.merge(intent.path("metadata").path("order_id").asText(), 1, Integer::sum);
            }
        }
        return perOrder;
    }

    /** Status by id; an order PENDING for over ten minutes is {@code PENDING*}. */
    private static Map<String, String> rows(int port, String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl("127.0.0.1", port, database),
                PostgresServer.USER, PostgresServer.PASSWORD);
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            boolean hasAge = rs.getMetaData().getColumnCount() > 2;
            Map<String, String> status = new HashMap<>();
            while (rs.next()) {
                String value = rs.getString("status");
                status.put(rs.getString("id"), hasAge && rs.getBoolean("old") && "PENDING".equals(value)
                        ? ReconciliationReport.STALE_PENDING : value);
            }
            return status;
        }
    }
}
