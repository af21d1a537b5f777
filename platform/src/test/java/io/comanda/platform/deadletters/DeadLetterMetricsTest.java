package io.comanda.platform.deadletters;

import io.comanda.platform.messaging.ConsumerTopicSettingsTest;
import io.comanda.platform.messaging.KafkaTopicsConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterMetricsTest {

    @Test
    void aConfiguredRetentionIsPublishedForTheAlertToCompareWith() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metrics(registry, Optional.of(Duration.ofDays(14))).registerRetention();

        assertThat(registry.find(DeadLetterMetrics.RETENTION).gauge().value()).isEqualTo(14 * 86_400);
    }

    @Test
    void theRetentionIsMinusOneWhileDeadLettersAreKeptUntilResolved() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metrics(registry, Optional.empty()).registerRetention();

        assertThat(registry.find(DeadLetterMetrics.RETENTION).gauge().value()).isEqualTo(-1);
    }

    @Test
    void theOldestWaitingAgeFollowsEachCount() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeadLetterMetrics metrics = metrics(registry, Optional.empty());

        metrics.waiting("orders-service", new WaitingDeadLetters(3, 7_200.5));
        assertThat(registry.find(DeadLetterMetrics.OLDEST_WAITING_AGE).tag("group", "orders-service").gauge().value())
                .isEqualTo(7_200.5);
        metrics.waiting("orders-service", WaitingDeadLetters.NONE);
        assertThat(registry.find(DeadLetterMetrics.OLDEST_WAITING_AGE).tag("group", "orders-service").gauge().value())
                .isZero();
    }

    private static DeadLetterMetrics metrics(SimpleMeterRegistry registry, Optional<Duration> retention) {
        KafkaTopicsConfig topics = ConsumerTopicSettingsTest.config(1, 1, retention);
        return new DeadLetterMetrics(registry, new SmallRyeConfigBuilder().build(), topics);
    }
}
