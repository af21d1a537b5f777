package io.comanda.platform.correlation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which X-Correlation-ID values a service takes from its clients, and what it uses otherwise. */
class CorrelationIdTest {

    @AfterEach
    void forget() {
        CorrelationId.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"checkout-7f3a:retry.2", "a", "8e03978e-40d5-43e8-bc93-6894a57f9324", "A_b.c:d-e"})
    void acceptsLettersDigitsAndDotUnderscoreColonHyphen(String candidate) {
        assertThat(CorrelationId.isWellFormed(candidate)).isTrue();
        assertThat(CorrelationId.acceptOrGenerate(candidate)).isEqualTo(candidate);
    }

    @Test
    void acceptsUpToOneHundredTwentyEightCharacters() {
        assertThat(CorrelationId.isWellFormed("c".repeat(128))).isTrue();
        assertThat(CorrelationId.isWellFormed("c".repeat(129))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"<script>alert(1)</script>", "has space", "line\r\nX-Injected: yes", "-starts-with-a-separator",
            ".hidden", "caf\u00e9", "semi;colon", "slash/id"})
    void replacesAnythingElseWithAFreshUuid(String candidate) {
        String accepted = CorrelationId.acceptOrGenerate(candidate);

        assertThat(CorrelationId.isWellFormed(candidate)).isFalse();
        assertThat(UUID.fromString(accepted).toString()).isEqualTo(accepted);
    }

    @Test
    void everyGeneratedIdIsNew() {
        assertThat(CorrelationId.acceptOrGenerate(null)).isNotEqualTo(CorrelationId.acceptOrGenerate(null));
    }

    @Test
    void theCurrentIdIsWhatWasSetUntilItIsCleared() {
        assertThat(CorrelationId.current()).isEmpty();

        CorrelationId.set("flow-1");
        assertThat(CorrelationId.current()).contains("flow-1");

        CorrelationId.clear();
        assertThat(CorrelationId.current()).isEmpty();
    }
}
