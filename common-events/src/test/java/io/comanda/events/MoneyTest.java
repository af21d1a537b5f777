package io.comanda.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void lineTotalsAddUpInMinorUnits() {
        LineItem espresso = new LineItem("ESPRESSO-250G", 2, Money.of(1299, "EUR"));
        LineItem pot = new LineItem("MOKA-POT-3", 1, Money.of(3450, "EUR"));

        assertThat(espresso.lineTotal().plus(pot.lineTotal())).isEqualTo(Money.of(6048, "EUR"));
    }

    @Test
    void timesMultipliesTheMinorUnitsAndKeepsTheCurrency() {
        assertThat(Money.of(1299, "EUR").times(3)).isEqualTo(Money.of(3897, "EUR"));
        assertThat(Money.of(1299, "EUR").times(0)).isEqualTo(Money.of(0, "EUR"));
    }

    @Test
    void plusOfTheSameCurrencyAddsTheMinorUnits() {
        assertThat(Money.of(1, "JPY").plus(Money.of(999, "JPY"))).isEqualTo(Money.of(1000, "JPY"));
    }

    @Test
    void zeroIsAnAmount() {
        assertThat(Money.of(0, "EUR").amount()).isZero();
    }

    @Test
    void rejectsCurrenciesThatAreNotIso4217Codes() {
        assertThatThrownBy(() -> Money.of(100, "euro")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO-4217");
        assertThatThrownBy(() -> Money.of(100, "eur")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(100, "EU")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(100, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void refusesToAddDifferentCurrencies() {
        assertThatThrownBy(() -> Money.of(100, "EUR").plus(Money.of(100, "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot add USD to EUR");
    }

    @Test
    void rejectsNegativeAmounts() {
        assertThatThrownBy(() -> Money.of(-1, "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(100, "EUR").times(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowFailsInsteadOfWrappingAround() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aLineHasAtLeastOneUnit() {
        assertThatThrownBy(() -> new LineItem("MUG-CERAMIC", 0, Money.of(890, "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new LineItem("MUG-CERAMIC", 1, Money.of(890, "EUR")).lineTotal()).isEqualTo(Money.of(890, "EUR"));
    }
}
