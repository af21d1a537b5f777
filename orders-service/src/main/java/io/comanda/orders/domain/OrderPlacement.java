package io.comanda.orders.domain;

import io.comanda.orders.idempotency.IdempotencyKey;
import io.comanda.orders.idempotency.IdempotentExecution;
import io.comanda.orders.idempotency.IdempotentExecution.Outcome;
import io.comanda.orders.idempotency.StoredResponse;
import io.comanda.orders.persistence.PlacementStatements;
import io.comanda.orders.persistence.PlacementStatements.PlacementReading;
import io.comanda.platform.outbox.OutboxRow;
import io.comanda.platform.outbox.OutboxWriter;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
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

    private final PlacementStatements statements;
    private final IdempotentExecution idempotency;
    private final OutboxWriter outbox;

    public OrderPlacement(PlacementStatements statements, IdempotentExecution idempotency, OutboxWriter outbox) {
        this.statements = statements;
        this.idempotency = idempotency;
        this.outbox = outbox;
    }

    /**
     * @param requestHash the request's fingerprint, to tell a retry from another request with the key
     * @param respond     the response to a new order, stored to be replayed to retries
     * @return the response to send: a new order's, or the stored one replayed
     * @throws InvalidOrderException (in the Uni) for unknown or retired products; nothing is stored then
     */
    @WithSpan("place order")
    public Uni<Outcome> place(String customerId, IdempotencyKey key, String requestHash, PlaceOrderCommand command,
                              Function<Order, StoredResponse> respond) {
        // The outbox row carries this span as its trace context, though it is written in a callback.
        Context placing = Context.current();
        List<String> skus = List.copyOf(new TreeSet<>(
                command.items().stream().map(PlaceOrderCommand.Item::sku).toList()));
        return statements.inTransaction(connection -> statements
                .lockAndRead(connection, key.lockId(customerId), customerId, key.value(), skus)
                .chain(reading -> {
                    Optional<Outcome> replay = idempotency.replayOrRefuse(reading.locked(), reading.existing(),
                            requestHash);
                    if (replay.isPresent()) {
                        return Uni.createFrom().item(replay.get());
                    }
                    Order order = priced(customerId, command, reading);
                    StoredResponse response = respond.apply(order);
                    OutboxRow announcement;
                    try (Scope ignored = placing.makeCurrent()) {
                        announcement = outbox.row(order.placedEvent());
                    }
                    return statements.insert(connection, order, announcement,
                                    idempotency.recordOf(key, requestHash, response))
                            .map(stored -> {
                                if (!stored) {
                                    throw idempotency.inFlight();
                                }
                                return new Outcome(response, false);
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
