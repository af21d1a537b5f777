package io.comanda.stripe.emulator;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which secret keys the emulator accepts, and how it refuses the others. */
class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys();

    @Test
    void acceptsAnyTestKeyByDefault() {
        assertThat(keys.refusal("sk_test_anything")).isEmpty();
        assertThat(keys.refusal("sk_test_comanda_local_emulator")).isEmpty();
    }

    @Test
    void refusesAMissingKeyAndOneThatIsNotATestKey() {
        assertThat(keys.refusal(null)).hasValueSatisfying(body -> assertThat(body)
                .contains("\"type\":\"invalid_request_error\"").contains("You did not provide an API key"));
        assertThat(keys.refusal("sk_live_1234567890")).hasValueSatisfying(body -> assertThat(body)
                .contains("Invalid API Key provided: sk_live_******7890"));
    }

    @Test
    void onceValidKeysAreNamedRefusesEveryOtherKeyAsStripeDoes() {
        keys.accept(List.of("sk_test_rotated_key"));

        assertThat(keys.refusal("sk_test_rotated_key")).isEmpty();
        assertThat(keys.refusal("sk_test_comanda_local_emulator")).hasValueSatisfying(body -> assertThat(body)
                .contains("\"type\":\"invalid_request_error\"")
                .contains("Invalid API Key provided: sk_test_******************ator")
                .doesNotContain("comanda_local"));
    }

    @Test
    void anEmptyListAcceptsAnyTestKeyAgain() {
        keys.accept(List.of("sk_test_rotated_key"));
        keys.accept(List.of());

        assertThat(keys.valid()).isEmpty();
        assertThat(keys.refusal("sk_test_comanda_local_emulator")).isEmpty();
    }

    @Test
    void masksAllButThePrefixAndTheLastFourCharacters() {
        assertThat(ApiKeys.masked("sk_test_abcdefgh1234")).isEqualTo("sk_test_********1234");
        assertThat(ApiKeys.masked("sk_test_12")).isEqualTo("sk_test_12");
    }
}
