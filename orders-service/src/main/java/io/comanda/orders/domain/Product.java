package io.comanda.orders.domain;

import io.comanda.events.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A catalogue entry. Prices are owned here: a client never sends one. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    private String sku;
    private String name;
    @Column(name = "unit_amount")
    private long unitAmount;
    private String currency;
    private boolean active;

    protected Product() {
    }

    /** A catalogue entry as read from the catalogue, for callers that read it with plain SQL. */
    public static Product of(String sku, String name, long unitAmount, String currency, boolean active) {
        Product product = new Product();
        product.sku = sku;
        product.name = name;
        product.unitAmount = unitAmount;
        product.currency = currency;
        product.active = active;
        return product;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public Money unitPrice() {
        return Money.of(unitAmount, currency);
    }

    public boolean isActive() {
        return active;
    }
}
