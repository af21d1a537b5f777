package io.comanda.devstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real PostgreSQL 17 with the service's own database, named by the init argument {@code database}.
 * Provides the reactive URL (Hibernate Reactive) and the JDBC URL (Flyway).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "database";

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE);
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("PostgresTestResource needs the init argument '" + DATABASE + "'");
        }
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> db = SharedStack.database(database);
        return Map.of(
                "quarkus.datasource.reactive.url", db.get("reactive-url"),
                "quarkus.datasource.jdbc.url", db.get("jdbc-url"),
                "quarkus.datasource.username", db.get("username"),
                "quarkus.datasource.password", db.get("password"));
    }

    @Override
    public void stop() {
        // Shared by every test class of the run; stopped when the JVM exits.
    }
}
