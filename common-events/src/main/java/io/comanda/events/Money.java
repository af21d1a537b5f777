package io.comanda.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount in the currency's minor unit (cents for EUR, yen for JPY), as payment providers count it,
 * so no event ever carries a floating-point price.
 *
 * <p>JSON: {@code {"amount": 2598, "currency": "EUR"}}.
 *
 * @param amount   non-negative amount in minor units
 * @param currency ISO-4217 alphabetic code, upper case
 */
public record Money(long amount, String currency) {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (!ISO_4217.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO-4217 code: " + currency);
        }
    }

    public static Money of(long amount, String currency) {
        return new Money(amount, currency);
    }

    public Money times(int factor) {
        return new Money(Math.multiplyExact(amount, factor), currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(amount, other.amount), currency);
    }
}
