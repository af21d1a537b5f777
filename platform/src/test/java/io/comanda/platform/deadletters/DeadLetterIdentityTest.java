package io.comanda.platform.deadletters;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A dead letter is the event it carries, wherever it was parked; a record that is no event is where it was read. */
class DeadLetterIdentityTest {

    private static final String EVENT = "5b0c1c8e-4f7a-4d1e-9a53-0d7f4f6b9f10";

    @Test
    void anEventParkedTwiceIsOneDeadLetter() {
        ConsumerRecord<String, byte[]> first = parked(7, "ce_id", EVENT);
        ConsumerRecord<String, byte[]> afterReplay = parked(90, "ce_id", EVENT.toUpperCase(), "comanda-replay-count", "1");

        assertThat(DeadLetterIdentity.of(first)).isEqualTo(EVENT).isEqualTo(DeadLetterIdentity.of(afterReplay));
    }

    @Test
    void aRecordWithoutAValidCeIdIsWhereItWasRead() {
        ConsumerRecord<String, byte[]> notAnEvent = parked(7, "ce_id", "not-a-uuid", "dead-letter-topic", "comanda.payments",
                "dead-letter-partition", "2", "dead-letter-offset", "41");

        assertThat(DeadLetterIdentity.of(notAnEvent)).isEqualTo("origin:comanda.payments-2-41");
    }

    @Test
    void twoRecordsThatAreNoEventsAreTwoDeadLetters() {
        ConsumerRecord<String, byte[]> one = parked(7, "dead-letter-topic", "comanda.payments",
                "dead-letter-partition", "0", "dead-letter-offset", "1");
        ConsumerRecord<String, byte[]> other = parked(8, "dead-letter-topic", "comanda.payments",
                "dead-letter-partition", "0", "dead-letter-offset", "2");

        assertThat(DeadLetterIdentity.of(one)).isNotEqualTo(DeadLetterIdentity.of(other));
    }

    @Test
    void originHeadersThatNameNoTopicAndNumbersAreNoOrigin() {
        ConsumerRecord<String, byte[]> longTopic = parked(7, "dead-letter-topic", "t".repeat(250),
                "dead-letter-partition", "0", "dead-letter-offset", "1");
        ConsumerRecord<String, byte[]> notNumbers = parked(8, "dead-letter-topic", "comanda.payments",
                "dead-letter-partition", "zero", "dead-letter-offset", "1");

        assertThat(DeadLetterIdentity.of(longTopic)).isEqualTo("parked:comanda.payments.orders-service.dlq-1-7@0");
        assertThat(DeadLetterIdentity.of(notNumbers)).isEqualTo("parked:comanda.payments.orders-service.dlq-1-8@0");
    }

    @Test
    void aRecordWithoutOriginHeadersIsWhereItWasParked() {
        assertThat(DeadLetterIdentity.of(parked(7))).isEqualTo("parked:comanda.payments.orders-service.dlq-1-7@0");
    }

    @Test
    void recordsThatAreNoEventsAtTheSamePlaceOfARecreatedTopicAreTwoDeadLetters() {
        ConsumerRecord<String, byte[]> beforeRecreation = parked(7, 1_000L);
        ConsumerRecord<String, byte[]> afterRecreation = parked(7, 2_000L);

        assertThat(DeadLetterIdentity.of(afterRecreation)).isNotEqualTo(DeadLetterIdentity.of(beforeRecreation));
        assertThat(DeadLetterIdentity.of(parked(7, 1_000L))).isEqualTo(DeadLetterIdentity.of(beforeRecreation));
    }

    private static ConsumerRecord<String, byte[]> parked(long offset, String... headers) {
        return parked(offset, 0L, headers);
    }

    private static ConsumerRecord<String, byte[]> parked(long offset, long timestamp, String... headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            recordHeaders.add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>("comanda.payments.orders-service.dlq", 1, offset, timestamp, TimestampType.CREATE_TIME, 0,
                0, "42", new byte[0], recordHeaders, Optional.empty());
    }
}
