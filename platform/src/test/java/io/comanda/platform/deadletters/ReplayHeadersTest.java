package io.comanda.platform.deadletters;

import io.comanda.events.EventType;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replayed record comes back as it first came (CloudEvents attributes, trace context), without what its
 * failure added, and with its replay count.
 */
class ReplayHeadersTest {

    @Test
    void keepsTheEventsHeadersAndDropsDeadLetterAndDelayedRetryOnes() {
        Headers deadLetter = headers("ce_id", "3f1c", "ce_type", EventType.PAYMENT_SUCCEEDED_V1.ceType(),
                "traceparent", "00-abc-def-01", "delayed-retry-count", "3", "delayed-retry-reason", "db down",
                "delayed-retry-topic", "comanda.payments", "dead-letter-reason", "unknown order",
                "dead-letter-topic", "comanda.payments", "dead-letter-offset", "9");

        Headers replay = ReplayHeaders.forReplay(deadLetter, 1);

        assertThat(names(replay)).containsExactly("ce_id", "ce_type", "traceparent", ReplayHeaders.REPLAY_COUNT);
        assertThat(ReplayHeaders.replayCount(replay)).isEqualTo(1);
    }

    @Test
    void aRecordReplayedBeforeCarriesOneReplayCountOnly() {
        Headers deadLetter = headers("ce_id", "3f1c", ReplayHeaders.REPLAY_COUNT, "2", "dead-letter-reason", "again");

        Headers replay = ReplayHeaders.forReplay(deadLetter, ReplayHeaders.replayCount(deadLetter) + 1);

        assertThat(replay.headers(ReplayHeaders.REPLAY_COUNT)).hasSize(1);
        assertThat(ReplayHeaders.replayCount(replay)).isEqualTo(3);
    }

    @Test
    void aRecordWithoutOrWithAnUnreadableCountWasNeverReplayed() {
        assertThat(ReplayHeaders.replayCount(headers("ce_id", "3f1c"))).isZero();
        assertThat(ReplayHeaders.replayCount(headers(ReplayHeaders.REPLAY_COUNT, "many"))).isZero();
    }

    private static Headers headers(String... namesAndValues) {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static java.util.List<String> names(Headers headers) {
        return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
    }
}
