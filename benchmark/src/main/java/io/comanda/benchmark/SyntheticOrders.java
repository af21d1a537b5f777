package io.comanda.benchmark;

import io.comanda.events.ComandaEvent;
import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderCancelled;
import io.comanda.events.OrderConfirmed;
import io.comanda.events.OrderPlaced;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded, repeatable orders for the drain benchmarks: notes of a few words from a fixed vocabulary,
 * one to three catalogue products, spread over many customers, one of them a real user of the realm
 * (the search benchmark's), each paid with a card that pays.
 */
final class SyntheticOrders {

    static final List<LineItem> CATALOGUE = List.of(
            new LineItem("ESPRESSO-250G", 1, Money.of(1299, "EUR"), "Espresso beans, 250 g"),
            new LineItem("FILTER-500G", 1, Money.of(1590, "EUR"), "Filter coffee, 500 g"),
            new LineItem("MOKA-POT-3", 1, Money.of(3450, "EUR"), "Moka pot \"Classic\", 3 cups"),
            new LineItem("GRINDER-HAND", 1, Money.of(4900, "EUR"), "Hand grinder <ceramic burr>"),
            new LineItem("MUG-CERAMIC", 1, Money.of(890, "EUR"), "Ceramic mug, 300 ml"),
            new LineItem("GIFT-CARD-25", 1, Money.of(2500, "EUR"), "Gift card, 25 EUR"));

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "pe", "dra", "gu", "ho"};

    private final Random random = new Random(42);
    private final List<String> vocabulary = new ArrayList<>();
    private final List<String> customers = new ArrayList<>();
    private final List<OrderPlaced> placed = new ArrayList<>();

    /**
     * @param orders     how many orders
     * @param customers  over how many customers
     * @param realUser   the subject of a realm user, who becomes one of them
     */
    SyntheticOrders(int orders, int customers, String realUser) {
        for (int i = 0; i < 300; i++) {
            vocabulary.add(SYLLABLES[i % 12] + SYLLABLES[(i / 12) % 12] + SYLLABLES[i / 144] + "n");
        }
        this.customers.add(realUser);
        for (int i = 1; i < customers; i++) {
            this.customers.add("bench-customer-" + i);
        }
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < orders; i++) {
            List<LineItem> lines = new ArrayList<>();
            for (int n = 1 + random.nextInt(3); lines.size() < n; ) {
                LineItem item = CATALOGUE.get(random.nextInt(CATALOGUE.size()));
                lines.add(new LineItem(item.sku(), 1 + random.nextInt(3), item.unitPrice(), item.name()));
            }
            Money total = lines.stream().map(LineItem::lineTotal).reduce(Money::plus).orElseThrow();
            placed.add(new OrderPlaced(new UUID(random.nextLong(), random.nextLong()),
                    this.customers.get(i % customers), lines, total, "pm_card_visa", start.plusSeconds(i * 60L),
                    note(), 1L));
        }
    }

    List<OrderPlaced> placements() {
        return placed;
    }

    /** The outcome of each order: two in three confirmed, the rest cancelled. */
    List<ComandaEvent> settlements() {
        List<ComandaEvent> outcomes = new ArrayList<>(placed.size());
        for (int i = 0; i < placed.size(); i++) {
            OrderPlaced order = placed.get(i);
            Instant at = order.occurredAt().plusSeconds(2);
            outcomes.add(i % 3 == 2
                    ? new OrderCancelled(order.orderId(), order.customerId(), "card_declined", "Your card was declined.", at, 2L)
                    : new OrderConfirmed(order.orderId(), order.customerId(), UUID.randomUUID(), order.total(), at, 2L));
        }
        return outcomes;
    }

    /** A word of the notes: each is in about 1.3 % of the orders. */
    String noteWord(Random picker) {
        return vocabulary.get(picker.nextInt(vocabulary.size()));
    }

    private String note() {
        StringBuilder note = new StringBuilder();
        for (int w = 0; w < 4; w++) {
            note.append(w == 0 ? "" : " ").append(vocabulary.get(random.nextInt(vocabulary.size())));
        }
        return note.toString();
    }
}
