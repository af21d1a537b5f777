package io.comanda.notifications.mail;

import io.comanda.events.Money;

import java.math.BigDecimal;
import java.util.Currency;

/** An amount as a person reads it: {@code 60.48 EUR} for 6048 minor units of euro. */
public final class MoneyText {

    private MoneyText() {
    }

    public static String of(Money money) {
        int digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        return BigDecimal.valueOf(money.amount(), digits).toPlainString() + " " + money.currency();
    }
}
