package io.comanda.orders.domain;

import io.comanda.orders.persistence.OrderRepository;
import io.comanda.orders.persistence.ProductRepository;
import io.comanda.platform.outbox.OutboxWriter;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Places an order: prices it from the catalogue, stores it as PENDING and appends {@code OrderPlaced}
 * to the outbox, all in the caller's transaction. No Kafka call: the relay publishes after commit.
 */
@ApplicationScoped
public class OrderPlacement {

    private final ProductRepository products;
    private final OrderRepository orders;
    private final OutboxWriter outbox;

    public OrderPlacement(ProductRepository products, OrderRepository orders, OutboxWriter outbox) {
        this.products = products;
        this.orders = orders;
        this.outbox = outbox;
    }

    /**
     * @throws InvalidOrderException (in the Uni) for unknown or retired products
     */
    @WithSpan("place order")
    public Uni<Order> place(String customerId, PlaceOrderCommand command) {
        List<String> skus = command.items().stream().map(PlaceOrderCommand.Item::sku).toList();
        return products.findBySkus(new TreeSet<>(skus))
                .map(found -> price(command, found.stream().collect(Collectors.toMap(Product::sku, Function.identity()))))
                .map(quantities -> Order.place(UUID.randomUUID(), customerId, quantities, command.paymentMethod(),
                        command.note(), Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .call(orders::persist)
                .call(order -> outbox.append(order.placedEvent()));
    }

    private static List<Order.PricedQuantity> price(PlaceOrderCommand command, Map<String, Product> bySku) {
        List<Order.PricedQuantity> priced = new ArrayList<>();
        for (PlaceOrderCommand.Item item : command.items()) {
            Product product = bySku.get(item.sku());
            if (product == null) {
                throw new InvalidOrderException("Unknown product sku '" + item.sku() + "'; GET /products lists them.");
            }
            priced.add(new Order.PricedQuantity(product, item.quantity()));
        }
        return priced;
    }
}
