package io.comanda.platform.sql;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Creates each service's PostgreSQL pool as Quarkus would, with the waiting for a connection bounded
 * by {@link ConnectionWaitConfig} (Quarkus configures neither bound). A caller over a bound fails at
 * once with {@link BusyDatabase}: an HTTP request answers 503 with Retry-After, a consumer retries.
 */
@ApplicationScoped
public class BoundedConnectionWait implements PgPoolCreator {

    private final ConnectionWaitConfig config;

    public BoundedConnectionWait(ConnectionWaitConfig config) {
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        PoolOptions options = new PoolOptions(input.poolOptions())
                .setMaxWaitQueueSize(config.maxWaiting())
                .setConnectionTimeout(Math.toIntExact(config.acquireTimeout().toMillis()))
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        return PgBuilder.pool()
                .with(options)
                .connectingTo(new ArrayList<SqlConnectOptions>(input.pgConnectOptionsList()))
                .using(input.vertx())
                .build();
    }
}
