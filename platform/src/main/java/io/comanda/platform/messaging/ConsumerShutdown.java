package io.comanda.platform.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stops the consumers taking records when the service stops, before its database pool closes. Quarkus
 * closes the pool before the Kafka connector, so a record started in between would fail on a closed
 * pool and be sent to a retry topic; and the connector's graceful close waits seconds per channel for
 * such records. Once the service is told to stop, a consumer starts nothing new and holds a failure
 * instead of sending it on: the record is neither acked nor nacked, its offset is not committed, and
 * the partition's next owner reads it again (its inbox absorbs what was applied). What is in flight
 * may finish for up to {@code comanda.consumer.shutdown-drain} (5 s) while the pool is still open.
 */
@ApplicationScoped
public class ConsumerShutdown {

    /** How long a stop waits for the records in flight. */
    public static final String DRAIN = "comanda.consumer.shutdown-drain";

    private static final Logger LOG = Logger.getLogger(ConsumerShutdown.class);

    private final Duration drain;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;

    @Inject
    public ConsumerShutdown(Config config) {
        this(config.getOptionalValue(DRAIN, Duration.class).orElse(Duration.ofSeconds(5)));
    }

    ConsumerShutdown(Duration drain) {
        this.drain = drain;
    }

    /** Whether the service is stopping: no record may start, no failure be sent on. */
    public boolean stopping() {
        return stopping;
    }

    /** {@code work}, counted as in flight from its subscription until it ends, fails or is cancelled. */
    public <T> Uni<T> tracked(Uni<T> work) {
        return work.onSubscription().invoke(inFlight::incrementAndGet)
                .onTermination().invoke(inFlight::decrementAndGet);
    }

    /** What a consumer answers for a record it does not take or a failure it holds: never acked, never nacked. */
    public static <T> Uni<T> held() {
        return Uni.createFrom().nothing();
    }

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event)
            throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + drain.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int left = inFlight.get();
        if (left > 0) {
            LOG.infof("Stopping with %d records still in flight after %d ms: the partitions' next owners read them again",
                    left, drain.toMillis());
        }
    }

    /** The stop as the shutdown runs it, for tests. */
    void stop() throws InterruptedException {
        onStop(null);
    }
}
