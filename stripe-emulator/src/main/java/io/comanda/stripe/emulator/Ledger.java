package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The PaymentIntents the emulator created and the refunds it made: what a test asks to count the charges
 * really made (an idempotent replay creates none) and those not given back. A PaymentIntent still
 * {@code processing} is no charge yet: it becomes one when its processing time is over, whether or not
 * anyone retrieves it, as at Stripe.
 */
public final class Ledger {

    private final Map<String, Entry> paymentIntents = new ConcurrentHashMap<>();
    // Ids in creation order: a listing bounded below by creation time reads only what is newer.
    private final ConcurrentSkipListMap<Long, String> byCreation = new ConcurrentSkipListMap<>();
    private final Map<String, Finishing> processing = new ConcurrentHashMap<>();
    private final RefundBook refunds = new RefundBook();
    private final AtomicLong replays = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock;

    /** What a processing PaymentIntent becomes, and when. */
    private record Finishing(Instant at, ObjectNode succeeded) {
    }

    /** A PaymentIntent as it is now, when it was created, and its rank among creations (for stable order). */
    private record Entry(ObjectNode intent, Instant createdAt, long sequence) {
    }

    /** Newest first: by {@code created} (seconds), then by creation order. */
    private static final Comparator<Entry> NEWEST_FIRST = Comparator
            .comparingLong((Entry entry) -> entry.intent().path("created").asLong())
            .thenComparingLong(Entry::sequence).reversed();

    public Ledger() {
        this(Clock.systemUTC());
    }

    Ledger(Clock clock) {
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /** Each stored node is replaced, never changed, so a reader never sees half a change. */
    void record(ObjectNode paymentIntent) {
        Entry entry = paymentIntents.compute(paymentIntent.path("id").asText(), (id, known) -> known == null
                ? new Entry(paymentIntent, clock.instant(), sequence.incrementAndGet())
                : new Entry(paymentIntent, known.createdAt(), known.sequence()));
        byCreation.putIfAbsent(entry.sequence(), paymentIntent.path("id").asText());
    }

    /** Records {@code processingIntent}, which turns into {@code succeeded} once {@code processingTime} is over. */
    void recordProcessing(ObjectNode processingIntent, ObjectNode succeeded, Duration processingTime) {
        record(processingIntent);
        processing.put(processingIntent.path("id").asText(), new Finishing(clock.instant().plus(processingTime), succeeded));
    }

    void recordRefund(ObjectNode refund) {
        refunds.record(refund);
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
        return Optional.ofNullable(paymentIntents.get(id)).map(Entry::intent);
    }

    /**
     * The PaymentIntents whose metadata holds {@code value} under {@code name}, created at least
     * {@code searchLag} ago (Stripe's search index lags behind its writes), newest first.
     */
    List<ObjectNode> withMetadata(String name, String value, Duration searchLag) {
        finishDue();
        Instant indexedUpTo = clock.instant().minus(searchLag);
        return newestFirstEntries(entry -> !entry.createdAt().isAfter(indexedUpTo)
                && entry.intent().path("metadata").has(name)
                && value.equals(entry.intent().path("metadata").path(name).asText()));
    }

    /** Every PaymentIntent matching {@code filter}, newest first, with no lag: what the list endpoint reads. */
    List<ObjectNode> newestFirst(Predicate<ObjectNode> filter) {
        finishDue();
        return newestFirstEntries(entry -> filter.test(entry.intent()));
    }

    /**
     * Like {@link #newestFirst(Predicate)}, of the PaymentIntents created at {@code createdAtLeast} (epoch
     * seconds) or later only, read from the newest back to that time rather than from all of them.
     */
    List<ObjectNode> newestFirst(Predicate<ObjectNode> filter, long createdAtLeast) {
        finishDue();
        List<Entry> found = new ArrayList<>();
        for (String id : byCreation.descendingMap().values()) {
            Entry entry = paymentIntents.get(id);
            if (entry.intent().path("created").asLong() < createdAtLeast) {
                break;
            }
            if (filter.test(entry.intent())) {
                found.add(entry);
            }
        }
        return found.stream().sorted(NEWEST_FIRST).map(Entry::intent).toList();
    }

    private List<ObjectNode> newestFirstEntries(Predicate<Entry> filter) {
        return paymentIntents.values().stream().filter(filter).sorted(NEWEST_FIRST).map(Entry::intent).toList();
    }

    /** The refunds of {@code paymentIntentId} (all refunds when null), newest first. */
    List<ObjectNode> refunds(String paymentIntentId) {
        return refunds.newestFirst(paymentIntentId);
    }

    /** What is left to refund of a succeeded PaymentIntent. */
    long unrefundedAmount(ObjectNode succeeded) {
        return succeeded.path("amount_received").asLong() - refunds.refundedAmount(succeeded.path("id").asText());
    }

    /** Succeeded PaymentIntents, i.e. money taken, for the order with this {@code metadata[order_id]}. */
    public long chargesForOrder(String orderId) {
        return succeeded().filter(pi -> orderId.equals(orderOf(pi))).count();
    }

    /** Succeeded PaymentIntents of the order not fully refunded: money the customer has not got back. */
    public long unrefundedChargesForOrder(String orderId) {
        return unrefunded().filter(pi -> orderId.equals(orderOf(pi))).count();
    }

    /** Refunds made on the order's PaymentIntents. */
    public long refundsForOrder(String orderId) {
        Map<String, String> orderOfIntent = paymentIntents.values().stream().map(Entry::intent)
                .collect(Collectors.toMap(pi -> pi.path("id").asText(), Ledger::orderOf));
        return refunds.newestFirst(null).stream()
                .filter(refund -> orderId.equals(orderOfIntent.get(refund.path("payment_intent").asText())))
                .count();
    }

    /** Orders charged, charged twice, charged and not fully refunded, and so more than once. */
    public ChargeSummary summary() {
        Map<String, Long> charged = perOrder(succeeded());
        Map<String, Long> unrefunded = perOrder(unrefunded());
        return new ChargeSummary(paymentIntents.size(), charged.size(), moreThanOnce(charged), replays.get(),
                unrefunded.size(), moreThanOnce(unrefunded), refunds.count());
    }

    /**
     * @param paymentIntents               every PaymentIntent created
     * @param chargedOrders                orders with a succeeded PaymentIntent (one still processing is not charged yet)
     * @param ordersChargedTwice           orders with more than one: money taken twice, refunded or not
     * @param replays                      requests answered from the idempotency layer
     * @param unrefundedOrders             orders with a succeeded PaymentIntent not fully refunded
     * @param ordersChargedTwiceUnrefunded orders with more than one such: money kept twice
     * @param refunds                      refunds made
     */
    public record ChargeSummary(long paymentIntents, long chargedOrders, long ordersChargedTwice, long replays,
                                long unrefundedOrders, long ordersChargedTwiceUnrefunded, long refunds) {
    }

    /** Every PaymentIntent created, in no particular order. */
    public List<ObjectNode> paymentIntents() {
        finishDue();
        return paymentIntents.values().stream().map(Entry::intent).toList();
    }

    public long replays() {
        return replays.get();
    }

    private Stream<ObjectNode> succeeded() {
        finishDue();
        return paymentIntents.values().stream().map(Entry::intent)
                .filter(pi -> "succeeded".equals(pi.path("status").asText()));
    }

    private Stream<ObjectNode> unrefunded() {
        return succeeded().filter(pi -> unrefundedAmount(pi) > 0);
    }

    private static Map<String, Long> perOrder(Stream<ObjectNode> intents) {
        return intents.collect(Collectors.groupingBy(Ledger::orderOf, Collectors.counting()));
    }

    private static long moreThanOnce(Map<String, Long> perOrder) {
        return perOrder.values().stream().filter(charges -> charges > 1).count();
    }

    private static String orderOf(ObjectNode paymentIntent) {
        return paymentIntent.path("metadata").path("order_id").asText();
    }
}
