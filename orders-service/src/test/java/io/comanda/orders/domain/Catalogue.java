package io.comanda.orders.domain;

import java.lang.reflect.Field;

/**
 * Catalogue entries as the database would load them, for unit tests of the order rules: a product has
 * no public constructor because only the catalogue table creates products.
 */
final class Catalogue {

    static final Product ESPRESSO = product("ESPRESSO-250G", "Espresso beans, 250 g", 1299, "EUR", true);
    static final Product MOKA_POT = product("MOKA-POT-3", "Moka pot \"Classic\", 3 cups", 3450, "EUR", true);
    static final Product RETIRED_MUG = product("MUG-OLD", "Retired mug", 500, "EUR", false);
    static final Product SWISS_CHOCOLATE = product("CHOC-CH", "Swiss chocolate", 450, "CHF", true);

    private Catalogue() {
    }

    static Product product(String sku, String name, long unitAmount, String currency, boolean active) {
        Product product = new Product();
        set(product, "sku", sku);
        set(product, "name", name);
        set(product, "unitAmount", unitAmount);
        set(product, "currency", currency);
        set(product, "active", active);
        return product;
    }

    private static void set(Product product, String field, Object value) {
        try {
            Field declared = Product.class.getDeclaredField(field);
            declared.setAccessible(true);
            declared.set(product, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Product has no field " + field, e);
        }
    }
}
