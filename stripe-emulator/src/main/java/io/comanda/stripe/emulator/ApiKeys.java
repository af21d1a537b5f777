package io.comanda.stripe.emulator;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Which secret keys the emulator accepts: any {@code sk_test_*} key, unless an operator named the valid
 * ones ({@code POST /_emulator/api-keys}), e.g. to play a rotated key. A refused key gets Stripe's
 * answer: 401, {@code invalid_request_error}, "Invalid API Key provided: sk_test_****1234".
 */
public final class ApiKeys {

    private static final String TEST_KEY_PREFIX = "sk_test_";

    private volatile Set<String> valid = Set.of();

    /** The keys accepted from now on; none means any {@code sk_test_*} key again. */
    public void accept(Collection<String> keys) {
        valid = Set.copyOf(keys);
    }

    /** The keys named valid; empty when any {@code sk_test_*} key is. */
    public Set<String> valid() {
        return valid;
    }

    /**
     * @param bearer the key of the request's {@code Authorization: Bearer} header, or null
     * @return Stripe's error body when the key is refused, empty when it is accepted
     */
    Optional<String> refusal(String bearer) {
        if (bearer == null) {
            return Optional.of(StripeErrors.error("invalid_request_error", null,
                    "You did not provide an API key. Use 'Authorization: Bearer sk_test_...'.").toString());
        }
        Set<String> accepted = valid;
        if (accepted.isEmpty() ? bearer.startsWith(TEST_KEY_PREFIX) : accepted.contains(bearer)) {
            return Optional.empty();
        }
        return Optional.of(StripeErrors.error("invalid_request_error", null,
                "Invalid API Key provided: " + masked(bearer)).toString());
    }

    /** As Stripe shows a key it refused: its prefix, then stars, then its last four characters. */
    static String masked(String key) {
        // sk_test_, sk_live_, rk_test_, ...: up to the second underscore, if there is one.
        int secondUnderscore = key.indexOf('_', key.indexOf('_') + 1);
        int prefix = secondUnderscore < 0 ? 0 : secondUnderscore + 1;
        int shown = Math.max(prefix, key.length() - 4);
        return key.substring(0, prefix) + "*".repeat(shown - prefix) + key.substring(shown);
    }
}
