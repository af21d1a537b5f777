package io.comanda.platform.sql;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;

/**
 * Creates each service's PostgreSQL pool as Quarkus would, with the queue of callers waiting for a
 * connection bounded by {@link ConnectionWaitConfig} (Quarkus leaves it unbounded). A caller over the
 * bound fails at once with {@link BusyDatabase}: an HTTP request answers 503 with Retry-After, a consumer
 * retries.
 * <p>
 * A waiting caller has no time limit. The Vert.x 4.5 pool leaks a connection when a caller's connection
 * timeout fires just as a connection is handed to it: the caller fails with "Timeout", the connection is
 * never wrapped nor given back, and the pool counts it in use forever. Under a soak's load that took the
 * whole pool of orders-service within a minute of a restart, at Vert.x's default of 30 s as at 5 s. The
 * bounded queue sheds load without that race; a caller's own deadline (an HTTP client's timeout, a
 * consumer's retry) stays the only clock. vertx-sql-client fixed the race in 5.0.10 ("Have SQL connection
 * pool handle racy uncancellable timeout"); a timeout can come back with a Quarkus on Vert.x 5.
 */
@ApplicationScoped
public class BoundedConnectionWait implements PgPoolCreator {

    private final ConnectionWaitConfig config;

    public BoundedConnectionWait(ConnectionWaitConfig config) {
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        return PgBuilder.pool()
                .with(options(input.poolOptions(), config))
                .connectingTo(new ArrayList<SqlConnectOptions>(input.pgConnectOptionsList()))
                .using(input.vertx())
                .build();
    }

    static PoolOptions options(PoolOptions quarkus, ConnectionWaitConfig config) {
        return new PoolOptions(quarkus)
                .setMaxWaitQueueSize(config.maxWaiting())
                .setConnectionTimeout(0);
    }
}
