package io.comanda.platform.messaging;

import io.comanda.platform.messaging.BatchConsumerPolicy.BatchFailures;
import io.comanda.platform.messaging.BatchConsumerPolicy.Rejection;
import io.comanda.platform.messaging.BatchConsumerPolicy.Retry;
import io.comanda.platform.logging.UntrustedText;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The attempts at applying one batch: the handler gets every event, then only those that failed,
 * numbered as attempt 2, 3, ... in their traces:
 * <ul>
 *   <li>after a transient failure, once the {@link RetryBackOff} has passed, until the retry budget is
 *       spent; what still fails then is rejected with its last failure;</li>
 *   <li>after a {@link DependencyUnusableException}, once the dependency is usable again
 *       ({@link PausedDependencies}); the time paused does not count against the budget.</li>
 * </ul>
 * Each attempt resumes on the batch's Vert.x context, where the handler was first called.
 */
final class BatchAttempts {

    private static final Logger LOG = Logger.getLogger(BatchConsumerPolicy.class);

    private final ConsumerChannel consumer;
    private final Function<List<TracedEvent>, Uni<BatchFailures>> handler;
    private final PausedDependencies pauses;
    private final ConsumerMetrics metrics;
    private final Map<IncomingEvent, TracedEvent> traced = new IdentityHashMap<>();
    private final List<Rejection> rejected = new ArrayList<>();
    private final Duration budget;
    private final RetryBackOff backOff;
    private final Executor resume;
    private long deadline;
    private int transientFailures;

    BatchAttempts(ConsumerChannel consumer, List<TracedEvent> events, Function<List<TracedEvent>, Uni<BatchFailures>> handler,
                  Duration budget, RetryBackOff backOff, PausedDependencies pauses, ConsumerMetrics metrics) {
        this.consumer = consumer;
        this.handler = handler;
        this.pauses = pauses;
        this.metrics = metrics;
        this.budget = budget;
        this.backOff = backOff;
        events.forEach(event -> traced.put(event.event(), event));
        this.deadline = System.nanoTime() + budget.toNanos();
        io.vertx.core.Context context = Vertx.currentContext();
        this.resume = context == null ? Infrastructure.getDefaultExecutor()
                : task -> context.runOnContext(ignored -> task.run());
    }

    /** Applies the batch; answers every event rejected for good, and those that failed past the budget. */
    Uni<List<Rejection>> apply() {
        return traced.isEmpty() ? Uni.createFrom().item(List.of()) : attempt(List.copyOf(traced.values()), 1);
    }

    private Uni<List<Rejection>> attempt(List<TracedEvent> pending, int attempt) {
        return Uni.createFrom().deferred(() -> handler.apply(pending))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("%s: a batch of %d events failed: %s", consumer.group(), pending.size(),
                            UntrustedText.of(failure));
                    return new BatchFailures(List.of(), pending.stream().map(e -> new Retry(e.event(), failure)).toList());
                })
                .chain(outcome -> next(outcome, pending.size(), attempt));
    }

    private Uni<List<Rejection>> next(BatchFailures outcome, int tried, int attempt) {
        rejected.addAll(outcome.rejections());
        if (outcome.retries().isEmpty()) {
            return Uni.createFrom().item(List.copyOf(rejected));
        }
        List<TracedEvent> again = outcome.retries().stream()
                .map(retry -> traced.get(retry.event()).attempt(attempt + 1)).toList();
        DependencyUnusableException unusable = outcome.retries().stream()
                .map(retry -> DependencyUnusableException.in(retry.reason())).filter(Objects::nonNull)
                .findFirst().orElse(null);
        if (unusable != null) {
            LOG.warnf("%s: %d of %d events wait for %s: %s", consumer.group(), again.size(), tried,
                    unusable.dependency(), UntrustedText.of(unusable.reason()));
            long pausedAt = System.nanoTime();
            return pauses.untilUsable(unusable).emitOn(resume).chain(() -> {
                deadline += System.nanoTime() - pausedAt;
                return attempt(again, attempt + 1);
            });
        }
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (left.isNegative() || left.isZero()) {
            outcome.retries().forEach(retry -> rejected.add(new Rejection(retry.event(), new IllegalStateException(
                    "still failing after the retry budget of " + budget + ": " + retry.reason().getMessage(),
                    retry.reason()))));
            return Uni.createFrom().item(List.copyOf(rejected));
        }
        metrics.retried(consumer.group(), again.size());
        LOG.warnf("%s: %d of %d events failed (attempt %d), to be retried: %s", consumer.group(), again.size(), tried,
                attempt, UntrustedText.of(outcome.retries().get(0).reason()));
        Duration delay = backOff.delay(transientFailures++, ThreadLocalRandom.current()::nextDouble, left);
        return Uni.createFrom().voidItem().onItem().delayIt().by(delay).emitOn(resume)
                .chain(() -> attempt(again, attempt + 1));
    }
}
