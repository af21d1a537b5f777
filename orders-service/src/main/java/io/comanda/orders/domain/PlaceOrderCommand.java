package io.comanda.orders.domain;

import java.util.List;

/**
 * What a customer asks for: quantities of catalogue products, a payment method and an optional note.
 *
 * @param items         sku and quantity per line, in the customer's order
 * @param paymentMethod the payment method to charge
 * @param note          a free-text note for the order, or null
 */
public record PlaceOrderCommand(List<Item> items, String paymentMethod, String note) {

    public PlaceOrderCommand {
        items = List.copyOf(items);
    }

    /**
     * @param sku      the product
     * @param quantity how many
     */
    public record Item(String sku, int quantity) {
    }
}
