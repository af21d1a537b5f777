package io.comanda.platform.sql;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class BusyDatabaseTest {

    @Test
    void aFullWaitQueueIsBusy() {
        assertThat(BusyDatabase.causedBy(new ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 128")))
                .isTrue();
    }

    @Test
    void aQueryOrASessionThatWaitedPastTheAcquireTimeoutIsBusy() {
        assertThat(BusyDatabase.causedBy(new VertxException("Timeout waiting for connection", true))).isTrue();
        assertThat(BusyDatabase.causedBy(new CompletionException(new NoStackTraceThrowable("Timeout")))).isTrue();
    }

    @Test
    void anyOtherFailureIsNot() {
        assertThat(BusyDatabase.causedBy(new NoStackTraceThrowable("Connection is not active now"))).isFalse();
        assertThat(BusyDatabase.causedBy(new IllegalStateException("Timeout"))).isFalse();
    }
}
