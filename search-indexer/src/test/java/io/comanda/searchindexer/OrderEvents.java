package io.comanda.searchindexer;

import io.comanda.devstack.clients.ConsumerGroupLag;
import io.comanda.devstack.clients.EventProducer;
import io.comanda.events.ComandaEvent;
import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderCancelled;
import io.comanda.events.OrderConfirmed;
import io.comanda.events.OrderPlaced;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Order events as orders-service's outbox relay publishes them (CloudEvents binary mode, keyed by the
 * order id), so the indexer is tested on its own; the path through orders-service is the e2e suite's.
 */
final class OrderEvents {

    static final LineItem MOKA_POT = new LineItem("MOKA-POT-3", 1, Money.of(3450, "EUR"), "Moka pot \"Classic\", 3 cups");
    private static final Random WORDS = new Random(20261128L);

    private OrderEvents() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static EventProducer producer() {
        return new EventProducer(bootstrap());
    }

    /** A word no other order of the run contains: letters only, so the text parser keeps it whole. */
    static synchronized String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + WORDS.nextInt(26)));
        }
        return word.toString();
    }

    static OrderPlaced placed(UUID orderId, String customerId, String note, LineItem... items) {
        List<LineItem> lines = items.length == 0 ? List.of(MOKA_POT) : List.of(items);
        Money total = lines.stream().map(LineItem::lineTotal).reduce(Money::plus).orElseThrow();
        return new OrderPlaced(orderId, customerId, lines, total, "pm_card_visa", now(), note, 1L);
    }

    static OrderConfirmed confirmed(OrderPlaced placed) {
        return new OrderConfirmed(placed.orderId(), placed.customerId(), UUID.randomUUID(), placed.total(), now(), 2L);
    }

    static OrderCancelled cancelled(OrderPlaced placed, long version) {
        return new OrderCancelled(placed.orderId(), placed.customerId(), "card_declined", "Your card was declined.",
                now(), version);
    }

    /** Publishes each event with a fresh {@code ce_id}; returns the ids in order. */
    static List<UUID> publish(ComandaEvent... events) {
        try (EventProducer producer = producer()) {
            return java.util.Arrays.stream(events)
                    .map(event -> producer.send(event, UUID.randomUUID(), "search-it-" + event.aggregateId()))
                    .toList();
        }
    }

    /** Whether the indexer's consumer group has committed every record of comanda.orders. */
    static boolean indexerCaughtUp() {
        return ConsumerGroupLag.caughtUp(bootstrap(), "search-indexer", "comanda.orders");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
