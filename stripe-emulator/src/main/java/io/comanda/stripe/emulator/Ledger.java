package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The PaymentIntents the emulator created: what a test asks to count the charges really made (an
 * idempotent replay creates none). A PaymentIntent still {@code processing} is no charge yet: it
 * becomes one when its processing time is over, whether or not anyone retrieves it, as at Stripe.
 */
public final class Ledger {

    private final Map<String, ObjectNode> paymentIntents = new ConcurrentHashMap<>();
    private final Map<String, Finishing> processing = new ConcurrentHashMap<>();
    private final AtomicLong replays = new AtomicLong();
    private final Clock clock;

    /** What a processing PaymentIntent becomes, and when. */
    private record Finishing(Instant at, ObjectNode succeeded) {
    }

    public Ledger() {
        this(Clock.systemUTC());
    }

    Ledger(Clock clock) {
        this.clock = clock;
    }

    /** Each stored node is replaced, never changed, so a reader never sees half a change. */
    void record(ObjectNode paymentIntent) {
        paymentIntents.put(paymentIntent.path("id").asText(), paymentIntent);
    }

    /** Records {@code processingIntent}, which turns into {@code succeeded} once {@code processingTime} is over. */
    void recordProcessing(ObjectNode processingIntent, ObjectNode succeeded, Duration processingTime) {
        record(processingIntent);
        processing.put(processingIntent.path("id").asText(), new Finishing(clock.instant().plus(processingTime), succeeded));
    }

    private void finishDue() {
        if (processing.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        processing.forEach((id, finishing) -> {
            if (!finishing.at().isAfter(now) && processing.remove(id, finishing)) {
                record(finishing.succeeded());
            }
        });
    }

    void countReplay() {
        replays.incrementAndGet();
    }

    Optional<ObjectNode> find(String id) {
        finishDue();
        return Optional.ofNullable(paymentIntents.get(id));
    }

    /** The PaymentIntents whose metadata holds {@code value} under {@code name}, newest first. */
    List<ObjectNode> withMetadata(String name, String value) {
        finishDue();
        return paymentIntents.values().stream()
                .filter(pi -> pi.path("metadata").has(name) && value.equals(pi.path("metadata").path(name).asText()))
                .sorted((a, b) -> Long.compare(b.path("created").asLong(), a.path("created").asLong()))
                .toList();
    }

    /** Succeeded PaymentIntents, i.e. money taken, for the order with this {@code metadata[order_id]}. */
    public long chargesForOrder(String orderId) {
        finishDue();
        return paymentIntents.values().stream()
                .filter(pi -> "succeeded".equals(pi.path("status").asText()))
                .filter(pi -> orderId.equals(pi.path("metadata").path("order_id").asText()))
                .count();
    }

    /** Orders with at least one succeeded PaymentIntent, and those with more than one. */
    public ChargeSummary summary() {
        finishDue();
        Map<String, Long> perOrder = paymentIntents.values().stream()
                .filter(pi -> "succeeded".equals(pi.path("status").asText()))
                .collect(Collectors.groupingBy(pi -> pi.path("metadata").path("order_id").asText(),
                        Collectors.counting()));
        return new ChargeSummary(paymentIntents.size(), perOrder.size(),
                perOrder.values().stream().filter(charges -> charges > 1).count(), replays.get());
    }

    /**
     * @param paymentIntents     every PaymentIntent created
     * @param chargedOrders      orders with a succeeded PaymentIntent (one still processing is not charged yet)
     * @param ordersChargedTwice orders with more than one: money taken twice
     * @param replays            requests answered from the idempotency layer
     */
    public record ChargeSummary(long paymentIntents, long chargedOrders, long ordersChargedTwice, long replays) {
    }

    /** Every PaymentIntent created, in no particular order. */
    public List<ObjectNode> paymentIntents() {
        finishDue();
        return List.copyOf(paymentIntents.values());
    }

    public long replays() {
        return replays.get();
    }
}
