package io.comanda.devstack.quarkus;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Plain JDBC on the database of the application under test, to see what its transactions really
 * left behind, or to set up a state the API cannot reach (an expired key, a held lock).
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** A connection to the application's database; the caller closes it. */
    public static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** The first row of a query, its columns as text. */
    public static Optional<Map<String, String>> one(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                row.put(rs.getMetaData().getColumnName(c), rs.getString(c));
            }
            return Optional.of(row);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The number a {@code select count(*) ...} query answers. */
    public static long count(String sql, Object... parameters) {
        return Long.parseLong(one(sql, parameters).orElseThrow().values().iterator().next());
    }

    /** Runs an update and returns the number of rows it changed. */
    public static int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
