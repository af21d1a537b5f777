package io.comanda.platform.sql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many requests may wait for a database connection ({@code comanda.datasource.*}). Without a bound a
 * stalled database makes every request wait in an unbounded queue while clients retry: the waiting
 * requests, not the work, then fill a service's heap.
 */
@ConfigMapping(prefix = "comanda.datasource")
public interface ConnectionWaitConfig {

    /** Callers that may wait for a connection at once; the next one is told the service is busy. */
    @WithDefault("128")
    int maxWaiting();
}
