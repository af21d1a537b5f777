package io.comanda.platform.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Before the consumers start: checks every consumer channel's configuration ({@link ConsumerChannels}),
 * which fails the start when a key is wrong, then creates the channels' topics ({@link ConsumerTopics})
 * on a thread of its own, trying again with back-off (1 s doubling to 30 s) until the broker answers.
 * Once they exist, the same thread checks them again every {@code comanda.kafka.topics.check-every}
 * (default a minute): partitions added to a source topic reach its failure and replay topics within
 * that time, and a setting changed by hand is set back.
 *
 * <p>The start waits for the topics at most {@code comanda.kafka.topics.start-wait} (default 5 s), so
 * that with Kafka up the consumers find their retry and dead-letter topics; with Kafka down the service
 * starts all the same and serves what needs no Kafka (an order goes to the outbox in PostgreSQL). Its
 * consumers connect by themselves once the broker is back, and see the topics created meanwhile at their
 * next metadata refresh; until then the channels' readiness checks report DOWN.
 */
@ApplicationScoped
public class ConsumerTopicsAtStart {

    private static final Logger LOG = Logger.getLogger(ConsumerTopicsAtStart.class);
    private static final RetryBackOff BACK_OFF = new RetryBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);
    private static final Duration NO_BUDGET = Duration.ofDays(365);

    private final KafkaClientSettings kafka;
    private final Config config;
    private final KafkaTopicsConfig topicsConfig;
    private final CompletableFuture<Void> created = new CompletableFuture<>();
    private ScheduledExecutorService thread;
    private Admin admin;
    private ConsumerTopics topics;

    public ConsumerTopicsAtStart(KafkaClientSettings kafka, Config config, KafkaTopicsConfig topicsConfig) {
        this.kafka = kafka;
        this.config = config;
        this.topicsConfig = topicsConfig;
    }

    void createBeforeConsumersStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start)
            throws InterruptedException {
        List<ConsumerChannel> channels = ConsumerChannels.of(config);
        if (channels.isEmpty()) {
            return;
        }
        ConsumerTopicSettings settings = new ConsumerTopicSettings(topicsConfig);
        admin = Admin.create(kafka.admin("comanda-consumer-topics"));
        topics = new ConsumerTopics(admin, settings);
        thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread creating = new Thread(task, "comanda-consumer-topics");
            creating.setDaemon(true);
            return creating;
        });
        thread.execute(() -> attempt(channels, 0));
        Duration wait = topicsConfig.startWait();
        try {
            created.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("Kafka did not answer within %s: the consumer topics are created in the background, and the "
                    + "consumers join once it answers", wait);
        } catch (ExecutionException e) {
            throw new IllegalStateException("unexpected failure creating the consumer topics", e.getCause());
        }
    }

    private void attempt(List<ConsumerChannel> channels, int attempt) {
        try {
            topics.ensure(channels);
            created.complete(null);
            long every = topicsConfig.checkEvery().toMillis();
            thread.scheduleWithFixedDelay(() -> check(channels), every, every, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            Duration delay = BACK_OFF.delay(attempt, ThreadLocalRandom.current()::nextDouble, NO_BUDGET);
            LOG.warnf("Cannot create the consumer topics yet (attempt %d, next in %d ms): %s", attempt + 1,
                    delay.toMillis(), e instanceof ExecutionException ? e.getCause().getMessage() : e.getMessage());
            thread.schedule(() -> attempt(channels, attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A later check: one that fails is said and left to the next, as the topics already exist. */
    private void check(List<ConsumerChannel> channels) {
        try {
            topics.ensure(channels);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            LOG.warnf("Cannot check the consumer topics (next in %s): %s", topicsConfig.checkEvery(),
                    e instanceof ExecutionException ? e.getCause().getMessage() : e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        if (thread != null) {
            thread.shutdownNow();
            admin.close(Duration.ZERO);
        }
    }
}
