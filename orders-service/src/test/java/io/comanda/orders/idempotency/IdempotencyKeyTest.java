package io.comanda.orders.idempotency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing the Idempotency-Key header: what a client may send, and the 400 it gets otherwise. */
class IdempotencyKeyTest {

    @Test
    void acceptsAUuidAsItIs() {
        assertThat(IdempotencyKey.parse("8e03978e-40d5-43e8-bc93-6894a57f9324").value())
                .isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
    }

    @Test
    void acceptsTheDraftsQuotedStringFormAndStoresTheKeyWithoutQuotes() {
        assertThat(IdempotencyKey.parse("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"").value())
                .isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
    }

    @Test
    void aKeySentQuotedAndBareIsTheSameKey() {
        assertThat(IdempotencyKey.parse("\"order:42\"")).isEqualTo(IdempotencyKey.parse("order:42"));
    }

    @Test
    void surroundingWhitespaceIsNotPartOfTheKey() {
        assertThat(IdempotencyKey.parse("  order-42\t").value()).isEqualTo("order-42");
    }

    @Test
    void acceptsLettersDigitsAndTheFourSeparators() {
        assertThat(IdempotencyKey.parse("Az09-_.:").value()).isEqualTo("Az09-_.:");
    }

    @Test
    void acceptsOneToTwoHundredFiftyFiveCharacters() {
        assertThat(IdempotencyKey.parse("k").value()).isEqualTo("k");
        assertThat(IdempotencyKey.parse("k".repeat(255)).value()).hasSize(255);
        assertThat(IdempotencyKey.parse("\"" + "k".repeat(255) + "\"").value()).hasSize(255);
    }

    @Test
    void refusesTwoHundredFiftySixCharacters() {
        assertRefused("k".repeat(256));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void aMissingOrBlankHeaderAsksForAKey(String header) {
        assertThatThrownBy(() -> IdempotencyKey.parse(header))
                .isInstanceOf(IdempotencyKeyMissingException.class)
                .hasMessageStartingWith("Send an Idempotency-Key header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has spaces", "semi;colon", "caf\u00e9", "slash/key", "\"\"", "\"", "\"unterminated",
            "in\"side", "line\nbreak", "comma,separated"})
    void refusesWhatIsNotAWellFormedKey(String header) {
        assertRefused(header);
    }

    @Test
    void theLockOfAKeyIsTheSameOnEveryRequestOfThatCustomer() {
        IdempotencyKey key = IdempotencyKey.parse("order-42");

        assertThat(key.lockId("alice")).isEqualTo(IdempotencyKey.parse("\"order-42\"").lockId("alice"));
    }

    @Test
    void customersAndKeysHaveTheirOwnLocks() {
        IdempotencyKey key = IdempotencyKey.parse("order-42");

        assertThat(key.lockId("alice")).isNotEqualTo(key.lockId("bob"));
        assertThat(key.lockId("alice")).isNotEqualTo(IdempotencyKey.parse("order-43").lockId("alice"));
        // Customer "ab" with key "x" and customer "a" with key "bx" must not share "abx".
        assertThat(IdempotencyKey.parse("x").lockId("ab")).isNotEqualTo(IdempotencyKey.parse("bx").lockId("a"));
    }

    private static void assertRefused(String header) {
        assertThatThrownBy(() -> IdempotencyKey.parse(header))
                .isInstanceOf(IdempotencyKeyMissingException.class)
                .hasMessageContaining("1 to 255 letters, digits or -_.: characters");
    }
}
