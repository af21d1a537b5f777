package io.comanda.platform.messaging;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** When a record was first tried, as the delayed-retry strategy stamped it. */
class FirstAttemptTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String STAMP = "delayed-retry-first-processing-timestamp";

    @Test
    void aRecordStampedByAnEarlierFailureWasFirstTriedThen() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(STAMP, Long.toString(NOW.minusSeconds(90).toEpochMilli()).getBytes(StandardCharsets.UTF_8));

        assertThat(FirstAttempt.fromHeaders(headers, NOW)).isEqualTo(NOW.minusSeconds(90));
    }

    @Test
    void aRecordWithoutTheStampIsOnItsFirstAttemptNow() {
        assertThat(FirstAttempt.fromHeaders(new RecordHeaders(), NOW)).isEqualTo(NOW);
    }

    @Test
    void anUnreadableStampCountsAsAFirstAttemptNow() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(STAMP, "yesterday".getBytes(StandardCharsets.UTF_8));

        assertThat(FirstAttempt.fromHeaders(headers, NOW)).isEqualTo(NOW);
    }
}
