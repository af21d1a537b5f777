package io.comanda.stripe.emulator;

import java.security.SecureRandom;

/** Object ids shaped as Stripe's: a prefix such as {@code pi_}, then 24 characters of base 62. */
final class StripeIds {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StripeIds() {
    }

    static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append("3Q");
        for (int i = 0; i < 22; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
