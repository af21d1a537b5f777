package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The PaymentIntents the emulator created: what a test asks to count the charges really made (an
 * idempotent replay creates none).
 */
public final class Ledger {

    private final Map<String, ObjectNode> paymentIntents = new ConcurrentHashMap<>();
    private final AtomicLong replays = new AtomicLong();

    void record(ObjectNode paymentIntent) {
        paymentIntents.put(paymentIntent.path("id").asText(), paymentIntent);
    }

    void countReplay() {
        replays.incrementAndGet();
    }

    Optional<ObjectNode> find(String id) {
        return Optional.ofNullable(paymentIntents.get(id));
    }

    /** Succeeded PaymentIntents, i.e. money taken, for the order with this {@code metadata[order_id]}. */
    public long chargesForOrder(String orderId) {
        return paymentIntents.values().stream()
                .filter(pi -> "succeeded".equals(pi.path("status").asText()))
                .filter(pi -> orderId.equals(pi.path("metadata").path("order_id").asText()))
                .count();
    }

    /** Orders with at least one succeeded PaymentIntent, and those with more than one. */
    public ChargeSummary summary() {
        Map<String, Long> perOrder = paymentIntents.values().stream()
                .filter(pi -> "succeeded".equals(pi.path("status").asText()))
                .collect(Collectors.groupingBy(pi -> pi.path("metadata").path("order_id").asText(),
                        Collectors.counting()));
        return new ChargeSummary(paymentIntents.size(), perOrder.size(),
                perOrder.values().stream().filter(charges -> charges > 1).count(), replays.get());
    }

    /**
     * @param paymentIntents     every PaymentIntent created
     * @param chargedOrders      orders with a succeeded PaymentIntent
     * @param ordersChargedTwice orders with more than one: money taken twice
     * @param replays            requests answered from the idempotency layer
     */
    public record ChargeSummary(long paymentIntents, long chargedOrders, long ordersChargedTwice, long replays) {
    }

    /** Every PaymentIntent created, in no particular order. */
    public List<ObjectNode> paymentIntents() {
        return List.copyOf(paymentIntents.values());
    }

    public long replays() {
        return replays.get();
    }
}
