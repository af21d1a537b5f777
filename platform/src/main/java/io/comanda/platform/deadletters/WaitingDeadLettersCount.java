package io.comanda.platform.deadletters;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Recounts the waiting dead letters of every consumer group every
 * {@code comanda.dead-letters.count-every} (default one minute), so the gauge an alert watches moves
 * without anyone listing them. Counting reads the dead-letter topics: it runs on its own thread.
 */
@ApplicationScoped
public class WaitingDeadLettersCount {

    private static final Logger LOG = Logger.getLogger(WaitingDeadLettersCount.class);

    private final DeadLetterOperations operations;
    private final Duration every;
    private ScheduledExecutorService schedule;

    public WaitingDeadLettersCount(DeadLetterOperations operations,
                                   @ConfigProperty(name = "comanda.dead-letters.count-every", defaultValue = "1m")
                                   Duration every) {
        this.operations = operations;
        this.every = every;
    }

    void start(@Observes StartupEvent start) {
        if (operations.channels().isEmpty()) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "comanda-dead-letters-count");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::count, 5_000, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void count() {
        try {
            operations.waiting();
        } catch (RuntimeException e) {
            LOG.warnf("Cannot count the waiting dead letters (tried again in %s): %s", every, e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
