package io.comanda.platform.messaging;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each topic of a consumer channel is created with, and set back to. */
public class ConsumerTopicSettingsTest {

    private static final ConsumerChannel CHANNEL = new ConsumerChannel("orders", "comanda.orders", "payments-service",
            List.of("comanda.orders.payments-service.retry_1000", "comanda.orders.payments-service.retry_30000"),
            "comanda.orders.payments-service.dlq");

    @Test
    void deadLettersAreKeptUntilResolvedByDefault() {
        WantedTopic deadLetters = topic(new ConsumerTopicSettings(config(3, 2, Optional.empty())),
                "comanda.orders.payments-service.dlq");

        assertThat(deadLetters.configs()).containsEntry("retention.ms", "-1").containsEntry("retention.bytes", "-1")
                .containsEntry("cleanup.policy", "delete");
    }

    @Test
    void aConfiguredDeadLetterRetentionIsKept() {
        WantedTopic deadLetters = topic(new ConsumerTopicSettings(config(1, 1, Optional.of(Duration.ofDays(90)))),
                "comanda.orders.payments-service.dlq");

        assertThat(deadLetters.configs()).containsEntry("retention.ms", Long.toString(Duration.ofDays(90).toMillis()))
                .containsEntry("retention.bytes", "-1");
    }

    @Test
    void retryTopicsKeepThreeDaysAndTheReplayTopicAWeek() {
        ConsumerTopicSettings settings = new ConsumerTopicSettings(config(1, 1, Optional.empty()));

        assertThat(topic(settings, "comanda.orders.payments-service.retry_1000").configs())
                .containsEntry("retention.ms", "259200000");
        assertThat(topic(settings, "comanda.orders.payments-service.retry_30000").configs())
                .containsEntry("retention.ms", "259200000");
        assertThat(topic(settings, "comanda.orders.payments-service.replay").configs())
                .containsEntry("retention.ms", "604800000");
    }

    @Test
    void everyTopicWaitsForTheConfiguredReplicasAndNeverElectsAnUncleanLeader() {
        ConsumerTopicSettings settings = new ConsumerTopicSettings(config(3, 2, Optional.empty()));
        List<WantedTopic> all = new java.util.ArrayList<>(settings.failureAndReplayTopics(CHANNEL, 3));
        all.add(settings.source("comanda.orders"));
        all.add(settings.source("comanda.payments"));

        assertThat(settings.replicationFactor()).isEqualTo((short) 3);
        assertThat(all).hasSize(6).allSatisfy(topic -> assertThat(topic.configs())
                .as(topic.name()).containsEntry("min.insync.replicas", "2")
                .containsEntry("unclean.leader.election.enable", "false"));
    }

    @Test
    void failureAndReplayTopicsHaveTheSourcesPartitions() {
        List<WantedTopic> topics = new ConsumerTopicSettings(config(1, 1, Optional.empty()))
                .failureAndReplayTopics(CHANNEL, 5);

        assertThat(topics).extracting(WantedTopic::name).containsExactly(
                "comanda.orders.payments-service.retry_1000", "comanda.orders.payments-service.retry_30000",
                "comanda.orders.payments-service.dlq", "comanda.orders.payments-service.replay");
        assertThat(topics).allSatisfy(topic -> assertThat(topic.partitions()).isEqualTo(5));
    }

    @Test
    void catalogueTopicsKeepTheirHistory() {
        ConsumerTopicSettings settings = new ConsumerTopicSettings(config(1, 1, Optional.empty()));

        assertThat(settings.source("comanda.orders").configs()).containsEntry("retention.ms", "-1");
        assertThat(settings.source("comanda.payments").configs()).containsEntry("retention.ms", "-1");
        assertThat(settings.source("comanda.orders").partitions()).isEqualTo(3);
    }

    @Test
    void moreInSyncReplicasThanCopiesFailTheStart() {
        assertThatThrownBy(() -> new ConsumerTopicSettings(config(1, 2, Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min-insync-replicas");
        assertThatThrownBy(() -> new ConsumerTopicSettings(config(0, 0, Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlySettingsThatDifferAreChanged() {
        Map<String, String> changes = ConsumerTopicSettings.changes(
                Map.of("retention.ms", "-1", "min.insync.replicas", "2", "unclean.leader.election.enable", "false"),
                Map.of("retention.ms", "604800000", "min.insync.replicas", "2", "segment.ms", "1"));

        assertThat(changes).containsExactlyInAnyOrderEntriesOf(
                Map.of("retention.ms", "-1", "unclean.leader.election.enable", "false"));
    }

    private static WantedTopic topic(ConsumerTopicSettings settings, String name) {
        return settings.failureAndReplayTopics(CHANNEL, 3).stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow();
    }

    /** The configuration as a service reads it: the mapping's defaults, and the given keys. */
    public static KafkaTopicsConfig config(int replicationFactor, int minInsyncReplicas, Optional<Duration> deadLetterRetention) {
        Map<String, String> keys = new java.util.HashMap<>(Map.of(
                "comanda.kafka.topics.replication-factor", Integer.toString(replicationFactor),
                "comanda.kafka.topics.min-insync-replicas", Integer.toString(minInsyncReplicas)));
        deadLetterRetention.ifPresent(retention -> keys.put("comanda.kafka.topics.dead-letter-retention", retention.toString()));
        return new SmallRyeConfigBuilder().withMapping(KafkaTopicsConfig.class)
                .withConverter(Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(keys, "test", 300)).build()
                .getConfigMapping(KafkaTopicsConfig.class);
    }
}
