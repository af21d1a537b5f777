package io.comanda.platform.messaging;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which nack of a failed record the failure strategy turns into a dead letter, so that it is counted as one. */
class ConsumerChannelTest {

    private static final List<String> RETRY_TOPICS = List.of("comanda.orders.payments-service.retry_500",
            "comanda.orders.payments-service.retry_2000");

    @Test
    void nackDeadLettersOnlyOnceTheConfiguredRetriesAreUsedUp() {
        ConsumerChannel channel = channel().withMaxRetries(3);

        assertThat(channel.nackDeadLetters(new RecordHeaders())).isFalse();
        assertThat(channel.nackDeadLetters(retried(1))).isFalse();
        assertThat(channel.nackDeadLetters(retried(2))).isFalse();
        assertThat(channel.nackDeadLetters(retried(3))).isTrue();
        assertThat(channel.nackDeadLetters(retried(4))).isTrue();
    }

    @Test
    void withoutMaxRetriesARecordGetsOneRetryPerTopic() {
        ConsumerChannel channel = channel();

        assertThat(channel.nackDeadLetters(retried(1))).isFalse();
        assertThat(channel.nackDeadLetters(retried(2))).isTrue();
    }

    private static ConsumerChannel channel() {
        return new ConsumerChannel("orders", "comanda.orders", "payments-service", RETRY_TOPICS,
                "comanda.orders.payments-service.dlq");
    }

    /** The headers of a record the strategy has redelivered from a retry topic {@code times} times. */
    private static Headers retried(int times) {
        Headers headers = new RecordHeaders();
        headers.add("delayed-retry-count", Integer.toString(times).getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
