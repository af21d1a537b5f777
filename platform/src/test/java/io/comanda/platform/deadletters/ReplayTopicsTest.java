package io.comanda.platform.deadletters;

import io.comanda.platform.messaging.ConsumerChannel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A dead letter is replayed to the channel it failed in, and only while this service has that channel. */
class ReplayTopicsTest {

    private static final List<ConsumerChannel> CHANNELS = List.of(new ConsumerChannel("payments", "comanda.payments",
            "orders-service", List.of(), "comanda.payments.orders-service.dlq", 0, false));

    @Test
    void aDeadLetterGoesToTheReplayTopicOfItsGroupsChannel() {
        assertThat(ReplayTopics.of(CHANNELS, "orders-service", "comanda.payments.orders-service.dlq", "comanda.payments"))
                .contains("comanda.payments.orders-service.replay");
        assertThat(ReplayTopics.of(CHANNELS, "orders-service", "an-older-dead-letter-topic", "comanda.payments"))
                .contains("comanda.payments.orders-service.replay");
    }

    @Test
    void aDeadLetterOfAGroupOrTopicNoLongerConfiguredHasNoReplayTopic() {
        assertThat(ReplayTopics.of(CHANNELS, "a-removed-group", "comanda.payments.orders-service.dlq",
                "comanda.payments")).isEmpty();
        assertThat(ReplayTopics.of(CHANNELS, "orders-service", "comanda.removed.orders-service.dlq",
                "comanda.removed")).isEmpty();
    }
}
