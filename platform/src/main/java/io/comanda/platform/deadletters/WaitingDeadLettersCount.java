package io.comanda.platform.deadletters;

import io.comanda.platform.messaging.ConsumerChannel;
import io.comanda.platform.messaging.ConsumerChannels;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Recounts the waiting dead letters of every consumer group every {@code comanda.dead-letters.count-every}
 * (15 s), so the gauge an alert watches moves without anyone listing them. One count query on the index's
 * partial index of waiting rows: exact, and cheap at any number of dead letters. A group with none shows 0.
 * The same query gives the age of each group's oldest waiting dead letter, which an alert compares with a
 * configured dead-letter retention.
 */
@ApplicationScoped
public class WaitingDeadLettersCount {

    private static final Logger LOG = Logger.getLogger(WaitingDeadLettersCount.class);

    private final DeadLetterIndex index;
    private final DeadLetterMetrics metrics;
    private final List<String> groups;

    public WaitingDeadLettersCount(DeadLetterIndex index, DeadLetterMetrics metrics, Config config) {
        this.index = index;
        this.metrics = metrics;
        this.groups = ConsumerChannels.of(config).stream().map(ConsumerChannel::group).distinct().toList();
    }

    @Scheduled(every = "${comanda.dead-letters.count-every:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return count().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Cannot count the waiting dead letters now (tried again at the next run): %s", failure.getMessage());
            return null;
        });
    }

    /** Counts once and sets the gauge of every group. */
    public Uni<Void> count() {
        if (groups.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return index.waitingByGroup().invoke(counts -> groups.forEach(group ->
                metrics.waiting(group, counts.getOrDefault(group, WaitingDeadLetters.NONE)))).replaceWithVoid();
    }
}
