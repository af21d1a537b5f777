package io.comanda.devstack.quarkus;

import java.util.Map;

/**
 * A real PostgreSQL 17 with the service's own database, named by the init argument {@code database}.
 * Sets {@code quarkus.datasource.reactive.url} (Hibernate Reactive), {@code quarkus.datasource.jdbc.url}
 * (Flyway, {@link TestDatabase}) and the credentials.
 */
public class PostgresTestResource extends SharedPartResource {

    public static final String DATABASE = "database";

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = InitArguments.required(initArgs, DATABASE, getClass());
    }

    @Override
    public Map<String, String> start() {
        SharedParts.Database db = TestStack.database(database);
        return Map.of(
                "quarkus.datasource.reactive.url", db.reactiveUrl(),
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password());
    }
}
