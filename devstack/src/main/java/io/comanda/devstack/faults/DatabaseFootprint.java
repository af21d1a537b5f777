package io.comanda.devstack.faults;

import io.comanda.devstack.parts.PostgresServer;
import io.comanda.devstack.parts.StackPart;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the soak reads of the stack's PostgreSQL: the exact row count of every table of each service's
 * database (whatever tables a service adds later), the WAL each replication slot holds back, and the
 * statuses of given orders at orders-service and in search-indexer's documents.
 */
final class DatabaseFootprint {

    private static final String TABLES = "select table_name from information_schema.tables"
            + " where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name";
    private static final String WAL_RETAINED = "select slot_name, pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)"
            + " from pg_replication_slots where restart_lsn is not null";
    private static final int IDS_PER_QUERY = 5_000;

    private final int port;

    DatabaseFootprint(int port) {
        this.port = port;
    }

    /** Rows by {@code <database>.<table>}, for every service's database. */
    Map<String, Long> rows() throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        for (StackPart service : StackPart.services()) {
            String database = service.operatorName();
            try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet names = statement.executeQuery(TABLES)) {
                    while (names.next()) {
                        tables.add(names.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet count = statement.executeQuery("select count(*) from \"" + table + "\"")) {
                        count.next();
                        rows.put(database + "." + table, count.getLong(1));
                    }
                }
            }
        }
        return rows;
    }

    /** Bytes of WAL each replication slot holds back, by slot. */
    Map<String, Long> walRetained() throws SQLException {
        Map<String, Long> retained = new HashMap<>();
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
             ResultSet slots = statement.executeQuery(WAL_RETAINED)) {
            while (slots.next()) {
                retained.put(slots.getString(1), slots.getLong(2));
            }
        }
        return retained;
    }

    /** The orders' statuses at orders-service, by id; an order it does not hold is absent. */
    Map<String, String> orderStatuses(List<String> orderIds) throws SQLException {
        return statuses(StackPart.ORDERS, "select id::text, status from customer_order where id = any(?::uuid[])",
                orderIds);
    }

    /** The statuses of the orders' documents in search-indexer's index, by order id; no document, absent. */
    Map<String, String> documentStatuses(List<String> orderIds) throws SQLException {
        return statuses(StackPart.SEARCH, "select order_id::text, status from order_documents"
                + " where order_id = any(?::uuid[])", orderIds);
    }

    /** Every order orders-service holds. */
    long orderCount() throws SQLException {
        return count(StackPart.ORDERS, "customer_order");
    }

    /** Every document search-indexer holds. */
    long documentCount() throws SQLException {
        return count(StackPart.SEARCH, "order_documents");
    }

    private long count(StackPart service, String table) throws SQLException {
        try (Connection connection = connect(service.operatorName()); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from " + table)) {
            count.next();
            return count.getLong(1);
        }
    }

    private Map<String, String> statuses(StackPart service, String sql, List<String> ids) throws SQLException {
        Map<String, String> statuses = new HashMap<>();
        try (Connection connection = connect(service.operatorName());
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                Array chunk = connection.createArrayOf("text",
                        ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)).toArray());
                query.setArray(1, chunk);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        statuses.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
        }
        return statuses;
    }

    private Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", PostgresServer.USER);
        properties.setProperty("password", PostgresServer.PASSWORD);
        // A sample taken while PostgreSQL restarts fails fast and is taken again at the next interval.
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "60");
        return DriverManager.getConnection(PostgresServer.jdbcUrl("127.0.0.1", port, database), properties);
    }
}
