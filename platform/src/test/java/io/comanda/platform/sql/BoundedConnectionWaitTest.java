package io.comanda.platform.sql;

import io.vertx.sqlclient.PoolOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedConnectionWaitTest {

    private final ConnectionWaitConfig config = () -> 128;

    @Test
    void theWaitingQueueIsBoundedAndAWaitingCallerHasNoConnectionTimeout() {
        PoolOptions quarkus = new PoolOptions().setMaxSize(32).setIdleTimeout(7);

        PoolOptions options = BoundedConnectionWait.options(quarkus, config);

        assertThat(options.getMaxWaitQueueSize()).isEqualTo(128);
        // Zero turns the pool's acquire timers off, and with them the race that leaks connections.
        assertThat(options.getConnectionTimeout()).isZero();
        assertThat(options.getMaxSize()).isEqualTo(32);
        assertThat(options.getIdleTimeout()).isEqualTo(7);
    }
}
