package io.comanda.platform.deadletters;

import io.comanda.events.CloudEventHeaders;
import io.comanda.platform.messaging.DeadLetters;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDelayedRetryTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;

/**
 * A record on a consumer's dead-letter topic, read for an operator. It got there one of two ways: parked
 * at once by the platform ({@code dead-letter-*} headers), or sent by SmallRye's delayed-retry strategy
 * after its last retry ({@code delayed-retry-*} headers, the newest hop's first); both are read here.
 *
 * @param id           its id in the API, once it is in the dead-letter index; null before
 * @param group        the consumer group it failed in
 * @param originTopic  the topic the consumer reads, whether it failed there, on a retry or on a replay
 * @param record       the dead-letter record itself, as read from its topic or kept in the index
 */
public record DeadLetter(DeadLetterId id, String group, String originTopic, ConsumerRecord<String, byte[]> record) {

    public String key() {
        return record.key();
    }

    public String ceType() {
        return text(record.headers().lastHeader(CloudEventHeaders.TYPE));
    }

    public String ceId() {
        return text(record.headers().lastHeader(CloudEventHeaders.ID));
    }

    /** Why it failed: the platform's reason, else the one of its last delayed retry. */
    public String reason() {
        return platformElseNewestRetry(DeadLetters.REASON, KafkaDelayedRetryTopic.DELAYED_RETRY_REASON);
    }

    public String cause() {
        return platformElseNewestRetry(DeadLetters.CAUSE, KafkaDelayedRetryTopic.DELAYED_RETRY_CAUSE);
    }

    /**
     * What may have happened that cannot be undone (e.g. a charge), when the consumer said so or the record
     * carried the flag from an earlier dead letter; empty on a plain dead letter.
     */
    public Optional<String> effectMayExist() {
        Header flag = record.headers().lastHeader(DeadLetters.EFFECT_MAY_EXIST);
        return Optional.ofNullable(text(flag != null ? flag : record.headers().lastHeader(DeadLetters.CARRIED_EFFECT_MAY_EXIST)));
    }

    /** When it first failed: when its retries began, else when it was parked. */
    public Instant firstFailure() {
        String retriesBegan = text(record.headers().lastHeader(KafkaDelayedRetryTopic.DELAYED_RETRY_FIRST_PROCESSING_TIMESTAMP));
        if (retriesBegan != null) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(retriesBegan.strip()));
            } catch (NumberFormatException e) {
                // Not SmallRye's millisecond timestamp: the time it was parked is the best we know.
            }
        }
        return parkedAt();
    }

    public Instant parkedAt() {
        return Instant.ofEpochMilli(record.timestamp());
    }

    public int replayCount() {
        return ReplayHeaders.replayCount(record.headers());
    }

    private String platformElseNewestRetry(String platformHeader, String retryHeader) {
        Header parked = record.headers().lastHeader(platformHeader);
        if (parked != null) {
            return text(parked);
        }
        // SmallRye puts each hop's headers before the ones the record already carried.
        Iterator<Header> retries = record.headers().headers(retryHeader).iterator();
        return retries.hasNext() ? text(retries.next()) : null;
    }

    static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
