package io.comanda.platform.messaging;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A managed channel reads its topic and its replay topic through {@code topics}: SmallRye's connector
 * refuses {@code topic} and {@code topics} together, so {@code topic} is no longer there for it.
 */
class ReplaySubscriptionTest {

    @Test
    void aManagedChannelReadsItsTopicAndItsReplayTopic() {
        SmallRyeConfig config = config(Map.of(
                "mp.messaging.incoming.payments.topic", "comanda.payments",
                "mp.messaging.incoming.payments.group.id", "orders-service"));

        assertThat(config.getValue("mp.messaging.incoming.payments.topics", String.class))
                .isEqualTo("comanda.payments,comanda.payments.orders-service.replay");
        assertThat(config.getOptionalValue("mp.messaging.incoming.payments.topic", String.class)).isEmpty();
        ConsumerChannel channel = ConsumerChannels.of(config, "payments");
        assertThat(channel.topic()).isEqualTo("comanda.payments");
        assertThat(channel.replayTopic()).isEqualTo("comanda.payments.orders-service.replay");
    }

    @Test
    void aChannelTheServiceKeepsToItselfKeepsItsTopic() {
        SmallRyeConfig config = config(Map.of(
                "mp.messaging.incoming.orders-live.topic", "comanda.orders",
                "mp.messaging.incoming.orders-live.group.id", "live-1",
                "comanda.consumer.orders-live.managed", "false"));

        assertThat(config.getValue("mp.messaging.incoming.orders-live.topic", String.class)).isEqualTo("comanda.orders");
        assertThat(config.getOptionalValue("mp.messaging.incoming.orders-live.topics", String.class)).isEmpty();
    }

    @Test
    void aChannelThatStatesItsTopicsIsLeftAsItIs() {
        SmallRyeConfig config = config(Map.of(
                "mp.messaging.incoming.orders.topics", "comanda.orders,other",
                "mp.messaging.incoming.orders.group.id", "x"));

        assertThat(config.getValue("mp.messaging.incoming.orders.topics", String.class)).isEqualTo("comanda.orders,other");
    }

    private static SmallRyeConfig config(Map<String, String> applicationProperties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(applicationProperties, "application.properties", 250))
                .withSources(new ConsumerChannelDefaults())
                .withInterceptors(new ReplaySubscription())
                .build();
    }
}
