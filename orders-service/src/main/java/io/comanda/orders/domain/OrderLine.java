package io.comanda.orders.domain;

import io.comanda.events.LineItem;
import io.comanda.events.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One priced line of an order, frozen at placement: later catalogue changes do not alter it. */
@Embeddable
public class OrderLine {

    @Column(name = "line_no")
    private int lineNo;
    private String sku;
    private String name;
    private int quantity;
    @Column(name = "unit_amount")
    private long unitAmount;

    protected OrderLine() {
    }

    OrderLine(int lineNo, Product product, int quantity) {
        this.lineNo = lineNo;
        this.sku = product.sku();
        this.name = product.name();
        this.quantity = quantity;
        this.unitAmount = product.unitPrice().amount();
    }

    public int lineNo() {
        return lineNo;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public int quantity() {
        return quantity;
    }

    public Money unitPrice(String currency) {
        return Money.of(unitAmount, currency);
    }

    LineItem toLineItem(String currency) {
        return new LineItem(sku, quantity, unitPrice(currency), name);
    }
}
