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
    void rejectsCurrenciesThatAreNotIso4217Codes() {
        assertThatThrownBy(() -> Money.of(100, "euro")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToAddDifferentCurrencies() {
        assertThatThrownBy(() -> Money.of(100, "EUR").plus(Money.of(100, "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNegativeAmounts() {
        assertThatThrownBy(() -> Money.of(-1, "EUR")).isInstanceOf(IllegalArgumentException.class);
    }
}
