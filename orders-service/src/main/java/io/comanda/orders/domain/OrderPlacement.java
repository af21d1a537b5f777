package io.comanda.orders.domain;

import io.comanda.orders.idempotency.IdempotencyKey;
import io.comanda.orders.idempotency.IdempotentExecution;
import io.comanda.orders.idempotency.IdempotentResponse;
import io.comanda.orders.idempotency.StoredResponse;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Places an order at most once per customer and idempotency key: prices it from the catalogue,
 * stores it as PENDING with its {@code OrderPlaced} outbox row and the key's record, all in one
 * transaction of two statements. No Kafka call: the relay publishes after commit.
 */
@ApplicationScoped
public class OrderPlacement {

    private final PlacementStore store;
    private final IdempotentExecution idempotency;

    public OrderPlacement(PlacementStore store, IdempotentExecution idempotency) {
        this.store = store;
        this.idempotency = idempotency;
    }

    /**
     * @param requestHash the request's fingerprint, to tell a retry from another request with the key
     * @param respond     the response to a new order, stored to be replayed to retries
     * @return the response to send: a new order's, or the stored one replayed
     * @throws InvalidOrderException (in the Uni) for unknown or retired products; nothing is stored then
     */
    @WithSpan("place order")
    public Uni<IdempotentResponse> place(String customerId, IdempotencyKey key, String requestHash,
                                         PlaceOrderCommand command, Function<Order, StoredResponse> respond) {
        List<String> skus = List.copyOf(new TreeSet<>(
                command.items().stream().map(PlaceOrderCommand.Item::sku).toList()));
        return store.inTransaction(transaction -> transaction
                .lockAndRead(key.lockId(customerId), customerId, key.value(), skus)
                .chain(reading -> {
                    Optional<IdempotentResponse> replay = idempotency.replayOrRefuse(reading.locked(),
                            reading.existing(), requestHash);
                    if (replay.isPresent()) {
                        return Uni.createFrom().item(replay.get());
                    }
                    Order order = priced(customerId, command, reading);
                    StoredResponse response = respond.apply(order);
                    return transaction.insert(order, order.placedEvent(),
                                    idempotency.recordOf(key, requestHash, response))
                            .map(stored -> {
                                if (!stored) {
                                    throw idempotency.inFlight();
                                }
                                return new IdempotentResponse(response, false);
                            });
                }));
    }

    private static Order priced(String customerId, PlaceOrderCommand command, PlacementReading reading) {
        Map<String, Product> bySku = reading.products().stream()
                .collect(Collectors.toMap(Product::sku, Function.identity()));
        return Order.place(UUID.randomUUID(), customerId, price(command, bySku), command.paymentMethod(),
                command.note(), Instant.now().truncatedTo(ChronoUnit.MICROS));
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
