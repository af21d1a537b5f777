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
    void aFlaggedDeadLetterIsReplayedCarryingItsFlagOnce() {
        Headers deadLetter = headers("ce_id", "3f1c", "dead-letter-effect-may-exist", "Stripe may have charged order 42",
                "comanda-effect-may-exist", "Stripe may have charged order 42", "dead-letter-reason", "again");

        Headers replay = ReplayHeaders.forReplay(deadLetter, 2);

        assertThat(names(replay)).containsExactly("ce_id", ReplayHeaders.REPLAY_COUNT, "comanda-effect-may-exist");
        assertThat(new String(replay.lastHeader("comanda-effect-may-exist").value(), StandardCharsets.UTF_8))
                .isEqualTo("Stripe may have charged order 42");
    }

    @Test
    void aPlainDeadLetterIsReplayedWithoutAFlag() {
        Headers replay = ReplayHeaders.forReplay(headers("ce_id", "3f1c", "dead-letter-reason", "unknown order"), 1);

        assertThat(replay.lastHeader("comanda-effect-may-exist")).isNull();
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
