package io.comanda.platform.messaging;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDelayedRetryTopic;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * When a record was first tried: the delayed-retry strategy stamps a record's first failure on it
 * ({@code delayed-retry-first-processing-timestamp}, epoch milliseconds), and a record without the stamp
 * is on its first attempt now. For a consumer that retries a failure only for a while.
 */
public final class FirstAttempt {

    private FirstAttempt() {
    }

    public static Instant of(KafkaRecord<?, ?> record, Instant now) {
        return fromHeaders(record.getHeaders(), now);
    }

    static Instant fromHeaders(Headers headers, Instant now) {
        Header stamp = headers.lastHeader(KafkaDelayedRetryTopic.DELAYED_RETRY_FIRST_PROCESSING_TIMESTAMP);
        if (stamp == null || stamp.value() == null) {
            return now;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(new String(stamp.value(), StandardCharsets.UTF_8).strip()));
        } catch (NumberFormatException unreadable) {
            return now;
        }
    }
}
