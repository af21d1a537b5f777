package io.comanda.platform.messaging;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A consumer channel needs its topic and group only; the platform derives the rest and checks it. */
class ConsumerChannelDefaultsTest {

    @Test
    void derivesConnectorFailureStrategyAndTopicsFromTopicAndGroup() {
        SmallRyeConfig config = config(Map.of(
                "mp.messaging.incoming.orders.topic", "comanda.orders",
                "mp.messaging.incoming.orders.group.id", "payments-service"));

        assertThat(config.getValue("mp.messaging.incoming.orders.connector", String.class)).isEqualTo("smallrye-kafka");
        assertThat(config.getValue("mp.messaging.incoming.orders.value.deserializer", String.class))
                .isEqualTo("org.apache.kafka.common.serialization.ByteArrayDeserializer");
        assertThat(config.getValue("mp.messaging.incoming.orders.auto.offset.reset", String.class)).isEqualTo("earliest");
        assertThat(config.getValue("mp.messaging.incoming.orders.failure-strategy", String.class))
                .isEqualTo("delayed-retry-topic");
        assertThat(config.getValue("mp.messaging.incoming.orders.delayed-retry-topic.max-retries", String.class))
                .isEqualTo("62");
        assertThat(config.getValue("mp.messaging.incoming.orders.commit-strategy", String.class)).isEqualTo("throttled");
        assertThat(config.getValue("mp.messaging.incoming.orders.throttled.unprocessed-record-max-age.ms", String.class))
                .as("a slow or paused consumer must not be marked dead").isEqualTo("0");
        assertThat(config.getValue("mp.messaging.incoming.orders.session.timeout.ms", String.class))
                .as("a killed consumer's partitions move on within seconds, not Kafka's 45").isEqualTo("10000");
        assertThat(config.getValue("mp.messaging.incoming.orders.heartbeat.interval.ms", String.class)).isEqualTo("3000");
        assertThat(config.getValue("mp.messaging.incoming.orders.graceful-shutdown", String.class))
                .as("ConsumerShutdown drains before the pool closes; SmallRye's own wait came after it").isEqualTo("false");
        assertThat(ConsumerChannels.of(config)).containsExactly(new ConsumerChannel("orders", "comanda.orders",
                "payments-service", List.of("comanda.orders.payments-service.retry_1000",
                "comanda.orders.payments-service.retry_5000", "comanda.orders.payments-service.retry_15000",
                "comanda.orders.payments-service.retry_30000"), "comanda.orders.payments-service.dlq"));
    }

    @Test
    void retriesAndDeadLettersAreWrittenToEveryInSyncReplicaOnce() {
        SmallRyeConfig config = config(Map.of(
                "mp.messaging.incoming.orders.topic", "comanda.orders",
                "mp.messaging.incoming.orders.group.id", "payments-service"));

        // SmallRye's delayed-retry and dead-letter strategies both build their producer from these keys.
        assertThat(config.getValue("mp.messaging.incoming.orders.dead-letter-queue.acks", String.class))
                .as("SmallRye's default is acks=1").isEqualTo("all");
        assertThat(config.getValue("mp.messaging.incoming.orders.dead-letter-queue.enable.idempotence", String.class))
                .isEqualTo("true");
    }

    @Test
    void everyManagedConsumerRebalancesCooperatively() {
        SmallRyeConfig config = config(Map.of(
                "mp.messaging.incoming.orders.topic", "comanda.orders",
                "mp.messaging.incoming.orders.group.id", "notifications-service",
                "mp.messaging.incoming.batched.topic", "comanda.orders",
                "mp.messaging.incoming.batched.group.id", "search-indexer",
                "mp.messaging.incoming.batched.batch", "true"));

        for (String channel : List.of("orders", "batched")) {
            assertThat(config.getValue("mp.messaging.incoming." + channel + ".partition.assignment.strategy", String.class))
                    .as(channel).isEqualTo(org.apache.kafka.clients.consumer.CooperativeStickyAssignor.class.getName());
        }
    }

    @Test
    void delayedRetriesGrowToACapAndLastAboutThirtyMinutesBeforeTheDeadLetter() {
        List<Long> delays = java.util.Arrays.stream(ConsumerChannelDefaults.RETRY_DELAYS.split(","))
                .map(Long::parseLong).toList();
        int maxRetries = Integer.parseInt(ConsumerChannelDefaults.MAX_RETRIES);
        long total = 0;
        for (int retry = 0; retry < maxRetries; retry++) {
            // SmallRye's rule: the n-th retry goes to the n-th topic, the last one repeated.
            total += delays.get(Math.min(retry, delays.size() - 1));
        }

        assertThat(delays).isSorted();
        assertThat(delays.get(delays.size() - 1)).isEqualTo(30_000L);
        assertThat(total).isBetween(29 * 60_000L, 31 * 60_000L);
        assertThat(Long.parseLong(ConsumerChannelDefaults.RETRY_TIMEOUT_MS)).as("max-retries decides").isGreaterThan(total);
    }

    @Test
    void aServiceOverridesOnlyWhatDiffers() {
        SmallRyeConfig config = config(Map.of(
                "mp.messaging.incoming.payments.topic", "comanda.payments",
                "mp.messaging.incoming.payments.group.id", "orders-service",
                "comanda.consumer.payments.retry-delays", "1000, 30000",
                "mp.messaging.incoming.payments.delayed-retry-topic.max-retries", "3"));

        ConsumerChannel channel = ConsumerChannels.of(config, "payments");

        assertThat(channel.retryTopics()).containsExactly("comanda.payments.orders-service.retry_1000",
                "comanda.payments.orders-service.retry_30000");
        assertThat(channel.deadLetterTopic()).isEqualTo("comanda.payments.orders-service.dlq");
        assertThat(config.getValue("mp.messaging.incoming.payments.delayed-retry-topic.max-retries", String.class))
                .isEqualTo("3");
    }

    @Test
    void aChannelWithoutGroupFailsTheStartNamingTheKey() {
        SmallRyeConfig config = config(Map.of("mp.messaging.incoming.orders.topic", "comanda.orders"));

        assertThatThrownBy(() -> ConsumerChannels.of(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mp.messaging.incoming.orders.group.id");
    }

    @Test
    void anotherFailureStrategyFailsTheStartNamingTheKey() {
        SmallRyeConfig config = config(Map.of(
                "mp.messaging.incoming.orders.topic", "comanda.orders",
                "mp.messaging.incoming.orders.group.id", "payments-service",
                "mp.messaging.incoming.orders.failure-strategy", "ignore"));

        assertThatThrownBy(() -> ConsumerChannels.of(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mp.messaging.incoming.orders.failure-strategy is 'ignore'");
    }

    @Test
    void aBatchChannelThatStatesDeadLetterQueueParksOnTheDerivedTopicWithoutRetryTopics() {
        SmallRyeConfig config = config(Map.of(
                "mp.messaging.incoming.orders.topic", "comanda.orders",
                "mp.messaging.incoming.orders.group.id", "search-indexer",
                "mp.messaging.incoming.orders.batch", "true",
                "mp.messaging.incoming.orders.failure-strategy", "dead-letter-queue"));

        assertThat(ConsumerChannels.of(config)).containsExactly(ConsumerChannel.batch("orders", "comanda.orders",
                "search-indexer", "comanda.orders.search-indexer.dlq"));
        assertThat(ConsumerChannels.of(config, "orders").failureTopics())
                .containsExactly("comanda.orders.search-indexer.dlq");
        assertThat(config.getValue("mp.messaging.incoming.orders.connector", String.class)).isEqualTo("smallrye-kafka");
    }

    @Test
    void aBatchChannelLeftOnDelayedRetriesFailsTheStartNamingTheKey() {
        SmallRyeConfig config = config(Map.of(
                "mp.messaging.incoming.orders.topic", "comanda.orders",
                "mp.messaging.incoming.orders.group.id", "search-indexer",
                "mp.messaging.incoming.orders.batch", "true"));

        assertThatThrownBy(() -> ConsumerChannels.of(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mp.messaging.incoming.orders.failure-strategy is 'delayed-retry-topic'")
                .hasMessageContaining("dead-letter-queue");
    }

    @Test
    void deadLetterQueueOnARecordByRecordChannelFailsTheStart() {
        SmallRyeConfig config = config(Map.of(
                "mp.messaging.incoming.orders.topic", "comanda.orders",
                "mp.messaging.incoming.orders.group.id", "payments-service",
                "mp.messaging.incoming.orders.failure-strategy", "dead-letter-queue"));

        assertThatThrownBy(() -> ConsumerChannels.of(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mp.messaging.incoming.orders.failure-strategy is 'dead-letter-queue'");
    }

    @Test
    void aChannelOutOfThePlatformsHandsGetsNoDerivedKeysNoTopicsAndNoCheck() {
        SmallRyeConfig config = config(Map.of(
                "mp.messaging.incoming.orders.topic", "comanda.orders",
                "mp.messaging.incoming.orders.group.id", "notifications-service",
                "mp.messaging.incoming.orders-live.topic", "comanda.orders",
                "mp.messaging.incoming.orders-live.group.id", "notifications-service-live-4f1c",
                "mp.messaging.incoming.orders-live.failure-strategy", "ignore",
                "comanda.consumer.orders-live.managed", "false"));

        assertThat(config.getOptionalValue("mp.messaging.incoming.orders-live.connector", String.class)).isEmpty();
        assertThat(config.getOptionalValue("mp.messaging.incoming.orders-live.delayed-retry-topic.topics", String.class))
                .isEmpty();
        assertThat(config.getOptionalValue("mp.messaging.incoming.orders-live.dead-letter-queue.topic", String.class))
                .isEmpty();
        // Its 'ignore' strategy fails no check, and no retry or dead-letter topic is created for it.
        assertThat(ConsumerChannels.of(config)).extracting(ConsumerChannel::name).containsExactly("orders");
        assertThatThrownBy(() -> ConsumerChannels.of(config, "orders-live"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("comanda.consumer.orders-live.managed=false");
    }

    @Test
    void aChannelIsManagedUnlessItSaysFalse() {
        SmallRyeConfig config = config(Map.of(
                "mp.messaging.incoming.orders.topic", "comanda.orders",
                "mp.messaging.incoming.orders.group.id", "payments-service",
                "comanda.consumer.orders.managed", "true"));

        assertThat(ConsumerChannels.of(config)).extracting(ConsumerChannel::deadLetterTopic)
                .containsExactly("comanda.orders.payments-service.dlq");
    }

    private static SmallRyeConfig config(Map<String, String> applicationProperties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(applicationProperties, "application.properties", 250))
                .withSources(new ConsumerChannelDefaults())
                .build();
    }
}
