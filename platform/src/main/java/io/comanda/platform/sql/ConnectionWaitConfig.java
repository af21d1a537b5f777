package io.comanda.platform.sql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How long, and how many, requests may wait for a database connection ({@code comanda.datasource.*}).
 * Without bounds a stalled database makes every request wait 30 s in an unbounded queue while clients
 * retry: the waiting requests, not the work, then fill a service's heap.
 */
@ConfigMapping(prefix = "comanda.datasource")
public interface ConnectionWaitConfig {

    /** The longest a caller waits for a free connection before it is told the service is busy. */
    @WithDefault("5S")
    Duration acquireTimeout();

    /** Callers that may wait for a connection at once; the next one is told the service is busy. */
    @WithDefault("128")
    int maxWaiting();
}
