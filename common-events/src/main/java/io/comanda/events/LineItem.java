package io.comanda.events;

import java.util.Objects;

/**
 * One line of an order as it was priced when the order was placed.
 *
 * @param sku       the product's stock keeping unit
 * @param quantity  how many, at least one
 * @param unitPrice the price of one unit at placement time
 * @param name      the product's name at placement time, or null; optional, added in v1 without a new type
 */
public record LineItem(String sku, int quantity, Money unitPrice, String name) {

    /** A line without the product's name, as producers wrote them before the name was added. */
    public LineItem(String sku, int quantity, Money unitPrice) {
        this(sku, quantity, unitPrice, null);
    }

    public LineItem {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
        }
    }

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
