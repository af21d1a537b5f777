package io.comanda.platform.messaging;

import io.comanda.platform.messaging.EffectMayExistTest.ChargeMayExist;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dead letter after which an effect may exist says so twice: in its flag header and at the start of its
 * reason; a plain one has no flag.
 */
class DeadLetterHeadersTest {

    private static final String CHARGE = "Stripe may have charged order 42";

    @Test
    void aFailureAfterWhichAChargeMayExistIsFlaggedAndItsReasonSaysSo() {
        Throwable failure = new IllegalStateException("still failing after the retry budget of PT30M: insert failed",
                new ChargeMayExist(CHARGE));

        Headers headers = DeadLetters.headers(origin("ce_id", "3f1c"), "comanda.orders", 2, 17, failure);

        assertThat(text(headers, DeadLetters.EFFECT_MAY_EXIST)).isEqualTo(CHARGE);
        assertThat(text(headers, DeadLetters.REASON))
                .isEqualTo(CHARGE + ": still failing after the retry budget of PT30M: insert failed");
        assertThat(text(headers, DeadLetters.CAUSE)).isEqualTo("recording the charge failed");
        assertThat(text(headers, DeadLetters.TOPIC)).isEqualTo("comanda.orders");
        assertThat(text(headers, DeadLetters.PARTITION)).isEqualTo("2");
        assertThat(text(headers, DeadLetters.OFFSET)).isEqualTo("17");
        assertThat(text(headers, "ce_id")).isEqualTo("3f1c");
    }

    @Test
    void aReasonThatAlreadyNamesTheEffectIsNotPrefixedAgain() {
        Headers headers = DeadLetters.headers(origin(), "comanda.orders", 0, 1, new ChargeMayExist(CHARGE) {
            @Override
            public String getMessage() {
                return CHARGE + ", and the batch was not recorded";
            }
        });

        assertThat(text(headers, DeadLetters.REASON)).isEqualTo(CHARGE + ", and the batch was not recorded");
    }

    @Test
    void aPlainFailureIsAPlainDeadLetter() {
        Headers headers = DeadLetters.headers(origin(), "comanda.orders", 0, 1, new IllegalStateException("bad data"));

        assertThat(headers.lastHeader(DeadLetters.EFFECT_MAY_EXIST)).isNull();
        assertThat(text(headers, DeadLetters.REASON)).isEqualTo("bad data");
        assertThat(headers.lastHeader(DeadLetters.CAUSE)).isNull();
    }

    @Test
    void aReplayedRecordCarryingTheFlagIsFlaggedAgainWhateverItsNewFailure() {
        Headers headers = DeadLetters.headers(origin(DeadLetters.CARRIED_EFFECT_MAY_EXIST, CHARGE), "comanda.orders",
                0, 1, new IllegalStateException("database down"));

        assertThat(text(headers, DeadLetters.EFFECT_MAY_EXIST)).isEqualTo(CHARGE);
        assertThat(text(headers, DeadLetters.REASON)).isEqualTo(CHARGE + ": database down");
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsClass() {
        Headers headers = DeadLetters.headers(origin(), "comanda.orders", 0, 1, new IllegalStateException());

        assertThat(text(headers, DeadLetters.REASON)).isEqualTo(IllegalStateException.class.getName());
    }

    private static Headers origin(String... namesAndValues) {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
