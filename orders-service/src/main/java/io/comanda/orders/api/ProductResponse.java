package io.comanda.orders.api;

import io.comanda.events.Money;
import io.comanda.orders.domain.Product;

/**
 * A product of the catalogue.
 *
 * @param sku   what an order line names
 * @param name  the product's name
 * @param price the price of one unit
 */
public record ProductResponse(String sku, String name, Money price) {

    static ProductResponse of(Product product) {
        return new ProductResponse(product.sku(), product.name(), product.unitPrice());
    }
}
