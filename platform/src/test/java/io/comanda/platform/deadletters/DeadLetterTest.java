package io.comanda.platform.deadletters;

import io.comanda.events.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A dead letter reads the same whether the platform parked it or SmallRye's delayed retries gave up on it. */
class DeadLetterTest {

    private static final long PARKED_AT = 1_800_000_000_000L;

    @Test
    void aParkedRecordGivesThePlatformsReasonAndTheTimeItWasParked() {
        DeadLetter letter = letter("ce_type", EventType.PAYMENT_SUCCEEDED_V1.ceType(), "dead-letter-reason", "unknown order 42",
                "dead-letter-cause", "no row", "comanda-replay-count", "2");

        assertThat(letter.reason()).isEqualTo("unknown order 42");
        assertThat(letter.cause()).isEqualTo("no row");
        assertThat(letter.firstFailure()).isEqualTo(Instant.ofEpochMilli(PARKED_AT));
        assertThat(letter.replayCount()).isEqualTo(2);
        assertThat(letter.ceType()).isEqualTo(EventType.PAYMENT_SUCCEEDED_V1.ceType());
    }

    @Test
    void aRecordThatRanOutOfRetriesGivesItsLastRetrysReasonAndWhenRetriesBegan() {
        // SmallRye writes each hop's headers before those the record already carried: newest first.
        DeadLetter letter = letter("delayed-retry-reason", "still down", "delayed-retry-reason", "down",
                "delayed-retry-first-processing-timestamp", "1700000000000");

        assertThat(letter.reason()).isEqualTo("still down");
        assertThat(letter.firstFailure()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(letter.replayCount()).isZero();
    }

    @Test
    void aFlaggedDeadLetterSaysWhatMayHaveHappenedInItsListingAndDetails() {
        DeadLetter letter = letter("dead-letter-reason", "Stripe may have charged order 42: insert failed",
                "dead-letter-effect-may-exist", "Stripe may have charged order 42");

        assertThat(letter.effectMayExist()).contains("Stripe may have charged order 42");
        assertThat(DeadLetterViews.Summary.of(letter).effectMayExist()).isEqualTo("Stripe may have charged order 42");
        assertThat(DeadLetterViews.Details.of(new IndexedDeadLetter(letter, 0, IndexedDeadLetter.Status.WAITING, Optional.empty())).effectMayExist())
                .isEqualTo("Stripe may have charged order 42");
    }

    @Test
    void aRecordThatCarriedTheFlagFromAReplayIsFlaggedWhateverParkedIt() {
        DeadLetter letter = letter("delayed-retry-reason", "database down",
                "comanda-effect-may-exist", "Stripe may have charged order 42");

        assertThat(letter.effectMayExist()).contains("Stripe may have charged order 42");
    }

    @Test
    void aPlainDeadLetterShowsNoEffect() {
        DeadLetter letter = letter("dead-letter-reason", "unknown order 42");

        assertThat(letter.effectMayExist()).isEmpty();
        assertThat(DeadLetterViews.Summary.of(letter).effectMayExist()).isNull();
    }

    @Test
    void aPayloadIsShownAsTextOnlyWhenItIsUtf8Json() {
        assertThat(DeadLetterViews.isJson("{\"orderId\":\"é\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(DeadLetterViews.isJson("[1, 2".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(DeadLetterViews.isJson(new byte[] {(byte) 0xff, '{', '}'})).isFalse();
        assertThat(DeadLetterViews.textOrBase64(new byte[] {(byte) 0xff})).isEqualTo("base64:/w==");
    }

    private static DeadLetter letter(String... headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            recordHeaders.add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("comanda.payments.orders-service.dlq", 1, 5,
                PARKED_AT, TimestampType.CREATE_TIME, 0, 2, "42", "{}".getBytes(StandardCharsets.UTF_8), recordHeaders,
                Optional.empty());
        return new DeadLetter(new DeadLetterId(record.topic(), 5), "orders-service", "comanda.payments", record);
    }
}
