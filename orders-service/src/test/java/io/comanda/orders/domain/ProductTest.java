package io.comanda.orders.domain;

import io.comanda.events.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductTest {

    @Test
    void unitPriceIsTheStoredAmountInMinorUnitsOfTheProductsCurrency() {
        assertThat(Catalogue.ESPRESSO.unitPrice()).isEqualTo(Money.of(1299, "EUR"));
        assertThat(Catalogue.SWISS_CHOCOLATE.unitPrice()).isEqualTo(Money.of(450, "CHF"));
    }

    @Test
    void onlyActiveProductsAreSold() {
        assertThat(Catalogue.ESPRESSO.isActive()).isTrue();
        assertThat(Catalogue.RETIRED_MUG.isActive()).isFalse();
    }

    @Test
    void aLineIsPricedInTheOrdersCurrencyAndBecomesTheEventsLineItem() {
        OrderLine line = new OrderLine(3, Catalogue.MOKA_POT, 2);

        assertThat(line.lineNo()).isEqualTo(3);
        assertThat(line.unitPrice("EUR")).isEqualTo(Money.of(3450, "EUR"));
        assertThat(line.toLineItem("EUR").lineTotal()).isEqualTo(Money.of(6900, "EUR"));
        assertThat(line.toLineItem("EUR").sku()).isEqualTo("MOKA-POT-3");
    }
}
