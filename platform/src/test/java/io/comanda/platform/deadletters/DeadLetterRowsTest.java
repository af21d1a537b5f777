package io.comanda.platform.deadletters;

import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a producer put in a dead letter's headers, its row can be stored: one the index could not take
 * would hold up the indexing of every dead letter after it.
 */
class DeadLetterRowsTest {

    private static final Instant PARKED_AT = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void textWithNulCharactersIsStoredWithoutThem() {
        Tuple row = DeadLetterRows.parked(letter("ce_type", "io.comanda\u0000.order.placed.v1",
                "dead-letter-reason", "unknown\u0000 type"));

        assertThat(row.getString(4)).isEqualTo("io.comanda.order.placed.v1");
        assertThat(row.getString(6)).isEqualTo("unknown type");
    }

    @Test
    void aFirstFailureNoTimestampCanHoldIsTheTimeItWasParked() {
        Tuple farFuture = DeadLetterRows.parked(letter("delayed-retry-first-processing-timestamp",
                Long.toString(Long.MAX_VALUE)));
        Tuple beforeEpoch = DeadLetterRows.parked(letter("delayed-retry-first-processing-timestamp", "-5000"));

        assertThat(farFuture.getOffsetDateTime(9).toInstant()).isEqualTo(PARKED_AT);
        assertThat(beforeEpoch.getOffsetDateTime(9).toInstant()).isEqualTo(PARKED_AT);
    }

    @Test
    void aFirstFailureBeforeItWasParkedIsKept() {
        Instant retriesBegan = PARKED_AT.minusSeconds(1800);

        Tuple row = DeadLetterRows.parked(letter("delayed-retry-first-processing-timestamp",
                Long.toString(retriesBegan.toEpochMilli())));

        assertThat(row.getOffsetDateTime(9).toInstant()).isEqualTo(retriesBegan);
        assertThat(row.getOffsetDateTime(10).toInstant()).isEqualTo(PARKED_AT);
    }

    private static DeadLetter letter(String... headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            recordHeaders.add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("comanda.orders.search-indexer.dlq", 0, 3,
                PARKED_AT.toEpochMilli(), TimestampType.CREATE_TIME, 0, 0, "42", new byte[0], recordHeaders,
                Optional.empty());
        return new DeadLetter(null, "search-indexer", "comanda.orders", record);
    }
}
